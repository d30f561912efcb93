-- What the outbox relay's role (RELAY_DB_USER, created with REPLICATION by deploy/postgres/relay-role.sql) needs
-- beyond streaming the WAL, and nothing more: the rows of the outbox, which it republishes after a lost slot
-- and deletes once Kafka has them, and its offsets. It reads no user, no token, no other table.
GRANT SELECT, DELETE ON outbox TO "${relay_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON relay_offsets TO "${relay_role}";
