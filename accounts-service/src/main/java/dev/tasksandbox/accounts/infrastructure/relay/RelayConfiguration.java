package dev.tasksandbox.accounts.infrastructure.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("accounts.relay.enabled")
class RelayConfiguration {

    @Bean
    OutboxRelay outboxRelay(RelayProperties properties, MeterRegistry meters) {
        return new OutboxRelay(properties, meters);
    }

    @Bean
    ReactiveHealthIndicator outboxRelayHealthIndicator(
            OutboxRelay relay, DatabaseClient database, RelayProperties properties) {
        return new RelayHealth(relay, database, properties.slotName());
    }
}
