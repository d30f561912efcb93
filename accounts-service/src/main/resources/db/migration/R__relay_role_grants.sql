-- What the outbox relay's role (RELAY_DB_USER, created with REPLICATION by deploy/postgres/relay-role.sql) may do
-- with the tables: read the rows of the outbox, which it republishes after a lost slot, delete them once Kafka has
-- them, and keep its offsets. It is granted no other table. (As any REPLICATION role, it could still decode every
-- change of the database through a slot of its own: its password is as sensitive as the owner's.)
-- Repeatable, so that Flyway grants again to a role renamed by RELAY_DB_USER. The role must exist.
GRANT SELECT, DELETE ON outbox TO "${relay_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON relay_offsets TO "${relay_role}";
