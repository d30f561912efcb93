package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /**
     * Failures are told apart ({@link EventFailures}). A transient one is retried with a growing pause, up to
     * {@code transient-max-interval} apart, for as long as it takes: a valid event is never dead-lettered because
     * the database was away. A permanent one is retried {@code permanent-retries} times, then the record goes
     * unchanged to the dead-letter topic, with Spring Kafka's headers naming the exception, its message and the
     * original topic, partition, offset and timestamp, and the partition goes on. A failure of another kind than
     * the last one of the same record starts its count anew. The pause happens between polls and is far below
     * {@code max.poll.interval.ms}, so a retrying consumer keeps its partitions.
     */
    @Bean
    DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> deadLetters,
            MeterRegistry meters,
            @Value("${projects.events.permanent-retries}") int permanentRetries,
            @Value("${projects.events.transient-max-interval}") Duration transientMaxInterval) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                deadLetters,
                (record, error) -> new TopicPartition(AccountEvents.DEAD_LETTER_TOPIC, record.partition()));
        ConsumerRecordRecoverer deadLetter = (record, error) -> {
            publisher.accept(record, error);
            String cause = EventFailures.causeOf(error);
            meters.counter("projects.events.dead.lettered", "cause", cause).increment();
            log.warn(
                    "Record at offset {} of partition {} dead-lettered after {} retries: {}",
                    record.offset(),
                    record.partition(),
                    permanentRetries,
                    cause);
        };
        ExponentialBackOff untilItWorks = new ExponentialBackOff(200, 2.0);
        untilItWorks.setMaxInterval(transientMaxInterval.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetter, new FixedBackOff(200, permanentRetries));
        handler.setBackOffFunction((record, error) -> EventFailures.isTransient(error) ? untilItWorks : null);
        handler.setResetStateOnExceptionChange(true);
        // Once a failed record of a batch is dead-lettered (the line above says so), spring-kafka seeks the rest of
        // the batch back and tells its container with an exception, logged at this level: flow control, not an
        // error (at the default, ERROR with a stack, an operator would read every dead letter as a crash). A record
        // still in retry is logged by spring-kafka at INFO, a recoverer that fails at ERROR, whatever this says.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /**
     * The listener's timer ({@code spring.kafka.listener}) comes from each record's observation, which the listener
     * makes (a batch listener gets none from its container). The container's own timer of the same name, with other
     * tags, is turned off: registered first, it would shadow the observation's.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
            listenerTimerFromObservations() {
        return container -> container.getContainerProperties().setMicrometerEnabled(false);
    }

    /**
     * The events topic is declared here as well as by accounts' relay, from the same contract, so that whichever
     * service starts first on an empty broker creates it with the contract's partitions (a consumer would
     * otherwise have the broker create it with its default of one).
     */
    @Bean
    NewTopic userEventsTopic() {
        return TopicBuilder.name(AccountEvents.TOPIC)
                .partitions(AccountEvents.PARTITIONS)
                .build();
    }

    /** This service writes the dead letters; a dead letter keeps its original partition. */
    @Bean
    NewTopic userEventsDeadLetterTopic() {
        return TopicBuilder.name(AccountEvents.DEAD_LETTER_TOPIC)
                .partitions(AccountEvents.PARTITIONS)
                .build();
    }

    /** For the operator's view of the topics: lag and dead letters, read from the broker. */
    @Bean(destroyMethod = "close")
    Admin eventsAdmin(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000));
    }

    /** Ready only while the event consumers run: a stopped consumer would leave new users without a project. */
    @Bean
    HealthIndicator eventConsumersHealthIndicator(KafkaListenerEndpointRegistry listeners) {
        return () -> {
            boolean allRunning =
                    listeners.getListenerContainers().stream().allMatch(container -> container.isRunning());
            return (allRunning ? Health.up() : Health.down())
                    .withDetail("containers", listeners.getListenerContainers().size())
                    .build();
        };
    }
}
