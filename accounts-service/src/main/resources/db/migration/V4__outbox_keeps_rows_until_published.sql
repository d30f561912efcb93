-- The outbox table, not the write-ahead log, is now the record of what is still to be published: a row stays
-- until Kafka has acknowledged its event, and the relay then deletes it (the publication streams inserts only,
-- so the delete is never relayed). When the relay finds its replication slot gone or unusable, it republishes
-- every row still here. created_at dates the backlog: the age of the oldest row is a relay metric.
ALTER TABLE outbox ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- Rows are deleted by id, a batch at a time; the backlog's age reads the oldest row.
CREATE INDEX outbox_created_at ON outbox (created_at);
