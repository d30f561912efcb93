package dev.tasksandbox.accounts.infrastructure;

import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the relay published on the event topic, from the beginning, as a consumer of its own. */
public final class PublishedEvents implements AutoCloseable {

    public record Event(String key, String value, Map<String, String> headers) {}

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public PublishedEvents() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfrastructure.get().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "accounts-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(AccountEvents.TOPIC));
    }

    /** Everything published so far that this reader has polled, after one more poll. */
    public List<Event> poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            seen.add(new Event(record.key(), record.value(), headers));
        }
        return List.copyOf(seen);
    }

    public List<Event> forUser(String userId) {
        return poll().stream().filter(event -> userId.equals(event.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
