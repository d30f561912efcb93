package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.ProcessedEvents;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcProcessedEvents implements ProcessedEvents {

    private final DatabaseClient database;

    R2dbcProcessedEvents(DatabaseClient database) {
        this.database = database;
    }

    /**
     * A concurrent delivery of the same event waits on the primary key until the first transaction ends,
     * then inserts nothing: exactly one of them sees {@code true}.
     */
    @Override
    public Mono<Boolean> recordFirstDelivery(UUID eventId) {
        return database.sql("INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", eventId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
