package dev.tasksandbox.accounts.infrastructure.relay;

import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.outboxrelay.RelayTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relay publishes accounts' outbox to the topic of the account events contract, with its partitions. The rest of its settings
 * are under {@code outbox-relay} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class OutboxRelayConfiguration {

    @Bean
    RelayTopic accountEventsTopic() {
        return new RelayTopic(AccountEvents.TOPIC, AccountEvents.PARTITIONS);
    }
}
