package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.Inbox;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The inbox as the {@code processed_events} table: the event id is inserted first, in the effect's transaction;
 * a redelivery finds it there (the insert does nothing) and skips the effect. Two deliveries at once serialize
 * on the primary key: the second waits, then inserts nothing.
 */
@Repository
class R2dbcInbox implements Inbox {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcInbox(DatabaseClient database, TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
    }

    @Override
    public Mono<Boolean> once(UUID eventId, Mono<Void> effect) {
        Mono<Boolean> firstDelivery = database.sql(
                        "INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", eventId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted > 0);
        return transaction.transactional(
                firstDelivery.flatMap(first -> first ? effect.thenReturn(true) : Mono.just(false)));
    }
}
