package dev.tasksandbox.accounts.infrastructure.relay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The relay is healthy while its engine runs. Its role says whether this instance holds the replication slot
 * ({@code active}), waits for another instance to release it ({@code standby}), or is about to take it. A
 * standby is ready too: it serves HTTP, and its writes are relayed by the active instance.
 */
final class RelayHealth implements ReactiveHealthIndicator {

    private final OutboxRelay relay;
    private final DatabaseClient database;
    private final String slotName;

    RelayHealth(OutboxRelay relay, DatabaseClient database, String slotName) {
        this.relay = relay;
        this.database = database;
        this.slotName = slotName;
    }

    @Override
    public Mono<Health> health() {
        Health.Builder health = relay.state() == RelayState.RUNNING ? Health.up() : Health.down();
        health.withDetail("state", relay.state()).withDetail("publishedEvents", relay.publishedEvents());
        String lastError = relay.lastError();
        if (lastError != null) {
            health.withDetail("lastError", lastError);
        }
        return slotHolder()
                .map(held -> health.withDetail("role", relay.isStreaming() ? "active" : held ? "standby" : "starting"))
                .map(Health.Builder::build);
    }

    private Mono<Boolean> slotHolder() {
        return database.sql("SELECT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = :slot AND active)")
                .bind("slot", slotName)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }
}
