package dev.tasksandbox.outboxrelay;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Runs the relay when {@code outbox-relay.enabled} is true. The application supplies the {@link RelayTopic};
 * without one the application does not start, since a relay with nowhere to publish would fill the outbox for
 * ever. The health indicator is named so that it shows as {@code outboxRelay}, for a health group of its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("outbox-relay.enabled")
@EnableConfigurationProperties(RelayProperties.class)
public class OutboxRelayAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(RelayProperties properties, RelayTopic topic, MeterRegistry meters) {
        return new OutboxRelay(properties, topic, meters);
    }

    @Bean
    HealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
        return new RelayHealth(relay);
    }
}
