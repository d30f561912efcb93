package dev.tasksandbox.outboxrelay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Publishes each batch of routed outbox events to Kafka, deletes their rows from the outbox once Kafka has
 * acknowledged them all, and only then tells Debezium the records are processed: a crash at any point replays
 * unacknowledged events, never skips them, and a row leaves the table only when its event is on Kafka.
 * Heartbeats and other non-outbox records are acknowledged without being published, and counted as a sign
 * of life.
 */
final class KafkaPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>>, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final OutboxTable outbox;
    private final BatchPublished published;
    private final PublishSpans spans;

    /** Told of every batch Kafka acknowledged, heartbeats included. */
    @FunctionalInterface
    interface BatchPublished {
        /**
         * Called once per batch, after Kafka acknowledged all of it.
         *
         * @param acknowledgedAt when Kafka had acknowledged every event of the batch
         * @param events         how many events the batch published
         * @param fromTable      how many of them were read from the outbox table, after a new slot was made
         * @param commitTimes    when each of them was committed to the outbox, where the record tells
         */
        void published(Instant acknowledgedAt, int events, int fromTable, List<Instant> commitTimes);
    }

    KafkaPublisher(
            RelayProperties properties,
            RelayTopic topic,
            OutboxTable outbox,
            BatchPublished published,
            PublishSpans spans) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        properties.kafka().bootstrapServers(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        properties.name(),
                        // Idempotence with acks=all: a retried send is written once, and in order per user.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000),
                new StringSerializer(),
                new StringSerializer());
        this.topic = topic.name();
        this.outbox = outbox;
        this.published = published;
        this.spans = spans;
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        List<UUID> eventIds = new ArrayList<>(batch.size());
        List<Instant> commitTimes = new ArrayList<>(batch.size());
        int fromTable = 0;
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            if (topic.equals(record.topic())) {
                UUID eventId = eventId(record);
                ProducerRecord<String, String> message = toKafka(record);
                Span span = spans.started(message, eventId);
                acknowledgements.add(producer.send(message, PublishSpans.endedOnAcknowledgement(span)));
                eventIds.add(eventId);
                committedAt(record).ifPresent(commitTimes::add);
                fromTable += readFromTable(record) ? 1 : 0;
            }
        }
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            // Nothing of this batch is marked: the engine stops, restarts, and sends the batch again.
            throw new IllegalStateException("Kafka did not acknowledge an outbox event", e.getCause());
        }
        Instant acknowledgedAt = Instant.now();
        try {
            // Also on a batch of heartbeats alone: it deletes again what earlier deletes did not find yet.
            outbox.deletePublished(eventIds);
        } catch (SQLException e) {
            // Nothing is marked: the engine restarts and publishes the batch again, which the consumer absorbs.
            throw new IllegalStateException("Could not delete published outbox rows", e);
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        published.published(acknowledgedAt, acknowledgements.size(), fromTable, commitTimes);
    }

    /** The outbox row's id, which the EventRouter puts in the {@code id} header. */
    private static UUID eventId(SourceRecord record) {
        Header id = record.headers().lastWithName("id");
        if (id == null || id.value() == null) {
            throw new IllegalStateException("Outbox record without an id header at " + record.sourceOffset());
        }
        return UUID.fromString(id.value().toString());
    }

    /** Records of the snapshot that follows a new slot carry {@code snapshot} in their source offset. */
    private static boolean readFromTable(SourceRecord record) {
        Object snapshot = record.sourceOffset().get("snapshot");
        return snapshot != null && !"false".equals(snapshot.toString());
    }

    /**
     * The PostgreSQL connector's offset of a streamed record holds the commit time of its transaction, in
     * microseconds. Only a meter reads it, so a record without one is published all the same.
     */
    private static Optional<Instant> committedAt(SourceRecord record) {
        return record.sourceOffset().get("ts_usec") instanceof Number micros
                ? Optional.of(Instant.EPOCH.plus(micros.longValue(), ChronoUnit.MICROS))
                : Optional.empty();
    }

    private static ProducerRecord<String, String> toKafka(SourceRecord record) {
        ProducerRecord<String, String> message =
                new ProducerRecord<>(record.topic(), String.valueOf(record.key()), String.valueOf(record.value()));
        for (Header header : record.headers()) {
            if (header.value() != null) {
                message.headers().add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return message;
    }

    @Override
    public void close() {
        producer.close();
    }
}
