package dev.tasksandbox.outboxrelay;

import java.sql.SQLException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The relay is healthy while its engine runs. Its role says whether this instance holds the replication slot
 * ({@code active}), waits for another instance to release it ({@code standby}), or is about to take it. A
 * standby is healthy too: its application serves requests, and their events are relayed by the active instance.
 *
 * <p>The role is read from PostgreSQL over JDBC; Spring Boot calls a blocking indicator off the event loop.
 */
final class RelayHealth implements HealthIndicator {

    private final OutboxRelay relay;

    RelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        Health.Builder health = relay.state() == RelayState.RUNNING ? Health.up() : Health.down();
        health.withDetail("state", relay.state()).withDetail("publishedEvents", relay.publishedEvents());
        String lastError = relay.lastError();
        if (lastError != null) {
            health.withDetail("lastError", lastError);
        }
        return health.withDetail("role", role()).build();
    }

    private String role() {
        if (relay.isStreaming()) {
            return "active";
        }
        try {
            return relay.slotHeldElsewhere() ? "standby" : "starting";
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
