package dev.tasksandbox.accounts.infrastructure.relay;

import dev.tasksandbox.kernel.UserAccountCreated;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Publishes each batch of routed outbox events to Kafka and tells Debezium a record is processed only after
 * Kafka acknowledged it: a crash at any point replays unacknowledged events, never skips them.
 * Heartbeats and other non-outbox records are acknowledged without being published, and counted as a sign
 * of life.
 */
final class KafkaPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>>, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final BatchPublished published;

    /** Told of every batch Kafka acknowledged, heartbeats included. */
    @FunctionalInterface
    interface BatchPublished {
        /**
         * Called once per batch, after Kafka acknowledged all of it.
         *
         * @param acknowledgedAt when Kafka had acknowledged every event of the batch
         * @param events         how many events the batch published
         * @param commitTimes    when each of them was committed to the outbox, where the record tells
         */
        void published(Instant acknowledgedAt, int events, List<Instant> commitTimes);
    }

    KafkaPublisher(String bootstrapServers, BatchPublished published) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "accounts-outbox-relay",
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
        this.published = published;
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        List<Instant> commitTimes = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            if (UserAccountCreated.TOPIC.equals(record.topic())) {
                acknowledgements.add(producer.send(toKafka(record)));
                committedAt(record).ifPresent(commitTimes::add);
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
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        published.published(acknowledgedAt, acknowledgements.size(), commitTimes);
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
