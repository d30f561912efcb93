-- The outbox relay's role: it may stream the WAL (REPLICATION, which a logical replication slot needs) and, once
-- Flyway has granted it (accounts' repeatable migration relay_role_grants), read and delete the rows of the outbox
-- and keep its offsets; no other table. As any REPLICATION role it could decode every change of the database
-- through a slot of its own, so its password is as sensitive as the owner's; what it cannot do is query users or
-- tokens, or change anything but the outbox.
-- psql variables: relay, relay_password.
CREATE ROLE :"relay" LOGIN REPLICATION PASSWORD :'relay_password';
