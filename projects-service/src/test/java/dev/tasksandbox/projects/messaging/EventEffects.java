package dev.tasksandbox.projects.messaging;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** What an account event left in projects' database, as the consumer tests read it. */
final class EventEffects {

    private final DatabaseClient database;

    EventEffects(DatabaseClient database) {
        this.database = database;
    }

    long exampleProjectsOf(UUID user) {
        return count("SELECT count(*) FROM projects WHERE owner_id = :id AND name = 'My first project'", user);
    }

    /** How often the inbox recorded the event: 1 once it took effect, 0 before (or for a dead letter). */
    long timesProcessed(UUID eventId) {
        return count("SELECT count(*) FROM processed_events WHERE event_id = :id", eventId);
    }

    private long count(String query, UUID id) {
        Long count = database.sql(query)
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        return count == null ? 0 : count;
    }
}
