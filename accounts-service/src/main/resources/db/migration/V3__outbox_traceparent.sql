-- The W3C traceparent of the request that caused the event, published as a Kafka header of the same name.
ALTER TABLE outbox ADD COLUMN traceparent varchar(55);
