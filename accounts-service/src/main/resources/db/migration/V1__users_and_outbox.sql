CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    password_hash varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL
);

-- One account per address whatever its case. EmailAddress admits ASCII only, so lower() here agrees with
-- EmailAddress.canonical() in Java.
CREATE UNIQUE INDEX users_email_canonical_key ON users (lower(email));

-- The transactional outbox, in the shape Debezium's outbox EventRouter expects. Rows are deleted in the
-- transaction that inserts them: the relay reads them from the write-ahead log, not from the table.
-- payload is text, not jsonb, so the bytes on Kafka are exactly the bytes written here.
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(64)  NOT NULL,
    aggregateid   varchar(64)  NOT NULL,
    type          varchar(128) NOT NULL,
    payload       text         NOT NULL
);

-- Only inserts are published, so the deletes never reach the relay.
CREATE PUBLICATION accounts_outbox FOR TABLE outbox WITH (publish = 'insert');

-- Where the relay's Debezium engine keeps its position in the WAL, so any instance can resume from it.
-- Same shape as Debezium's JdbcOffsetBackingStore default, created here because schemas belong to Flyway.
CREATE TABLE relay_offsets (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
