package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEventCodec;
import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** The account events topic as these tests feed it: records the way the relay writes them, or worse. */
final class EventsTopic {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final KafkaProducer<String, String> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.get().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer());

    private EventsTopic() {}

    /** Publishes the event as the relay would: keyed by user, with its {@code id} and {@code type} headers. */
    static void publish(UserAccountCreated event) {
        publish(event, event.occurredAt().toString());
    }

    /** The same, with {@code occurredAt} written as given: a time the codec reads but the database may not. */
    static void publish(UserAccountCreated event, String occurredAt) {
        send(recordOf(event, occurredAt));
    }

    /** The record the relay would publish for {@code event}, its {@code occurredAt} written as given. */
    static ProducerRecord<String, String> recordOf(UserAccountCreated event, String occurredAt) {
        String json = "{\"eventId\":\"" + event.eventId() + "\",\"userId\":\"" + event.userId() + "\",\"occurredAt\":\""
                + occurredAt + "\"}";
        ProducerRecord<String, String> record = record(event.userId().toString(), json, UserAccountCreated.TYPE);
        record.headers().add(AccountEvents.ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Publishes the event as the relay would, its value written by the contract's codec. */
    static void publish(UserSessionsRevoked event) {
        ProducerRecord<String, String> record =
                record(event.userId().toString(), new AccountEventCodec().encode(event), UserSessionsRevoked.TYPE);
        record.headers().add(AccountEvents.ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Another user whose events land on the same partition as {@code user}'s: behind them, in order. */
    static UUID anotherUserOnThePartitionOf(UUID user) {
        int partition = partitionOf(user);
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (partitionOf(other) != partition);
        return other;
    }

    /** The partition Kafka's default partitioner gives a record keyed by this user, as the relay keys it. */
    private static int partitionOf(UUID user) {
        byte[] key = user.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % AccountEvents.PARTITIONS;
    }

    /** Sends and waits for Kafka's acknowledgement, so a failed send fails the test with its own cause. */
    static void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Kafka did not take the record", e);
        }
    }

    static ProducerRecord<String, String> record(String key, String value, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(AccountEvents.TOPIC, key, value);
        record.headers().add(AccountEvents.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Reads the dead-letter topic from the beginning, as a consumer group of its own. */
    static final class DeadLetterReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfrastructure.get().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        DeadLetterReader() {
            consumer.subscribe(List.of(AccountEvents.DEAD_LETTER_TOPIC));
        }

        /** The dead letters seen so far with that key, after one more poll. */
        List<ConsumerRecord<String, String>> lettersWithKey(String key) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }

        List<String> withKey(String key) {
            return lettersWithKey(key).stream().map(ConsumerRecord::value).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
