-- The inbox forgets events older than its retention horizon (projects.inbox.retention, 30 days by default),
-- a bounded batch at a time, oldest first: this index finds them without reading the whole table.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
