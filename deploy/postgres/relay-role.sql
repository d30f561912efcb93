-- The outbox relay's role: it may stream the WAL (REPLICATION, which a logical replication slot needs) and, once
-- Flyway has granted it (accounts' migration V7), read and delete the rows of the outbox table and keep its
-- offsets. Nothing else: it cannot read users, tokens or anything the outbox does not carry.
-- psql variables: relay, relay_password.
CREATE ROLE :"relay" LOGIN REPLICATION PASSWORD :'relay_password';
