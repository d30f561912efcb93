package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The consumer group's lag per partition of the events topic, as the broker sees it: the partition's end offset
 * less the group's committed offset. Unlike the Kafka client's own {@code records-lag}, it is there before the
 * first fetch and stays when a consumer is stuck or gone, which is when an operator needs it. Sampled, since
 * asking the broker is a network call; every instance reports the same figures for the whole group.
 */
@Component
class ConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final KafkaListenerEndpointRegistry listeners;
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();

    ConsumerLag(Admin admin, KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        this.admin = admin;
        this.listeners = listeners;
        for (int partition = 0; partition < AccountEvents.PARTITIONS; partition++) {
            int p = partition;
            Gauge.builder("projects.events.lag", lag, sampled -> sampled.getOrDefault(p, -1L))
                    .description("Records of the events topic the consumer group has not committed yet (-1: unknown)")
                    .tag("topic", AccountEvents.TOPIC)
                    .tag("partition", Integer.toString(p))
                    .baseUnit("records")
                    .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${projects.events.lag-sample-interval}")
    void sample() {
        try {
            Map<TopicPartition, OffsetSpec> partitions = IntStream.range(0, AccountEvents.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(AccountEvents.TOPIC, p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group())
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                lag.put(partition.partition(), end.offset() - (done == null ? 0 : done.offset()));
            });
        } catch (Exception e) {
            log.debug("Could not sample the consumer lag", e);
            lag.clear(); // unknown, not stale
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The group the listener's container consumes in, as spring-kafka made it. */
    private String group() {
        MessageListenerContainer container = listeners.getListenerContainer(UserAccountEventsListener.LISTENER_ID);
        String group = container == null ? null : container.getGroupId();
        if (group == null) {
            throw new IllegalStateException("The events listener has no consumer group yet");
        }
        return group;
    }
}
