package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic as an operator sees it: how many letters it holds, and replaying some of them onto the
 * events topic with key, value and headers as they first arrived (the {@code kafka_dlt-*} headers that say why a
 * record was dead-lettered are left behind). A replayed event goes through the inbox like any other: one that
 * took effect before changes nothing, one that fails again is dead-lettered again. Kafka keeps the letters;
 * replaying reads them without a consumer group, so it commits nothing and can be repeated.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String WHY_HEADERS = "kafka_dlt-";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Which letters to replay; every member left out widens the choice.
     *
     * @param eventId    the letters of this event (its {@code id} header)
     * @param partition  the letters of this partition of the dead-letter topic
     * @param fromOffset the first offset to replay, in that partition
     * @param toOffset   the last offset to replay, in that partition
     */
    record Selection(
            @Nullable UUID eventId,
            @Nullable Integer partition,
            @Nullable Long fromOffset,
            @Nullable Long toOffset) {

        boolean includes(ConsumerRecord<byte[], byte[]> letter) {
            return (fromOffset == null || letter.offset() >= fromOffset)
                    && (toOffset == null || letter.offset() <= toOffset)
                    && (eventId == null
                            || eventId.toString().equals(RecordHeaders.text(letter, AccountEvents.ID_HEADER)));
        }
    }

    /** One replayed letter: where it was in the dead-letter topic, and its event id. */
    record Letter(int partition, long offset, @Nullable String eventId) {}

    private final String bootstrapServers;
    private final Admin admin;
    private final Counter replayed;
    private volatile SortedMap<Integer, Long> sizes = new TreeMap<>();

    DeadLetters(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Admin admin, MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.replayed = Counter.builder("projects.events.replayed")
                .description("Dead letters replayed onto the events topic by an operator")
                .register(meters);
        Gauge.builder(
                        "projects.events.dead.letters",
                        this,
                        letters -> letters.sizes.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("Records in the dead-letter topic (sampled every minute)")
                .baseUnit("records")
                .register(meters);
    }

    /** How many letters each partition of the dead-letter topic holds now, as the broker says. */
    SortedMap<Integer, Long> count() {
        List<TopicPartition> partitions = partitions(null);
        try {
            var first = admin.listOffsets(
                            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var end = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            SortedMap<Integer, Long> counted = new TreeMap<>();
            partitions.forEach(p -> counted.put(p.partition(), offset(end.get(p)) - offset(first.get(p))));
            sizes = counted;
            return counted;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not say how many letters there are", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting letters", e);
        }
    }

    private static long offset(ListOffsetsResult.@Nullable ListOffsetsResultInfo info) {
        return info == null ? 0 : info.offset();
    }

    @Scheduled(fixedDelayString = "${projects.events.dead-letters-sample-interval}")
    void sample() {
        try {
            count();
        } catch (RuntimeException e) {
            log.debug("Could not count the dead letters", e);
        }
    }

    /** Replays the selected letters that the dead-letter topic holds now, and waits until Kafka took them. */
    List<Letter> replay(Selection selection) {
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitions(selection.partition());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, KAFKA_TIMEOUT) < end.getOrDefault(p, 0L))) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    if (letter.offset() < end.getOrDefault(new TopicPartition(letter.topic(), letter.partition()), 0L)
                            && selection.includes(letter)) {
                        sent.add(producer.send(asFirstArrived(letter)));
                        letters.add(new Letter(
                                letter.partition(),
                                letter.offset(),
                                RecordHeaders.text(letter, AccountEvents.ID_HEADER)));
                    }
                }
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replayed letters", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
        replayed.increment(letters.size());
        letters.forEach(letter -> log.info(
                "Replayed dead letter {}-{} (event {}) onto {}",
                letter.partition(),
                letter.offset(),
                letter.eventId(),
                AccountEvents.TOPIC));
        return letters;
    }

    private static ProducerRecord<byte[], byte[]> asFirstArrived(ConsumerRecord<byte[], byte[]> letter) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(AccountEvents.TOPIC, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(WHY_HEADERS)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    private static List<TopicPartition> partitions(@Nullable Integer only) {
        return (only == null ? IntStream.range(0, AccountEvents.PARTITIONS) : IntStream.of(only))
                .mapToObj(p -> new TopicPartition(AccountEvents.DEAD_LETTER_TOPIC, p))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "projects-dead-letters-" + UUID.randomUUID()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }
}
