package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UnreadableEvent;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * A record that cannot be read is retried a few times, then published unchanged to the dead-letter topic,
     * and consumption goes on. Any other failure (the database is down, say) is retried with a growing pause
     * for as long as it takes: a valid event is never dead-lettered, so no user misses the example project.
     */
    @Bean
    DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> deadLetters, @Value("${projects.events.unreadable-retries}") int unreadableRetries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetters,
                (record, error) -> new TopicPartition(AccountEvents.DEAD_LETTER_TOPIC, record.partition()));
        ExponentialBackOff untilItWorks = new ExponentialBackOff(200, 2.0);
        untilItWorks.setMaxInterval(Duration.ofSeconds(10).toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItWorks);
        handler.setBackOffFunction(
                (record, error) -> causedByUnreadableEvent(error) ? new FixedBackOff(100, unreadableRetries) : null);
        return handler;
    }

    private static boolean causedByUnreadableEvent(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEvent) {
                return true;
            }
        }
        return false;
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
