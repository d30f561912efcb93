package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.Inbox;
import dev.tasksandbox.projects.application.Write;
import dev.tasksandbox.projects.application.Writes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The inbox as the {@code processed_events} table. The event's id is inserted in the statement that makes its
 * effect, and the effect happens only if the id was new: one statement, so atomic without a transaction around
 * it, and one round trip where begin, record, effect and commit took four. A redelivery finds the id (the insert
 * does nothing) and changes nothing. Two deliveries at once serialize on the primary key: the second waits for
 * the first to commit, then inserts nothing.
 */
@Repository
class R2dbcInbox implements Inbox {

    private static final String NEW_EVENT = """
            new_event AS (
                INSERT INTO processed_events (event_id) VALUES (:eventId) ON CONFLICT DO NOTHING RETURNING event_id),
            """;

    /** The events of a batch with their place in it, which the effects' rows are matched to. */
    private static final String NEW_EVENTS = """
            event AS (SELECT * FROM unnest(:eventIds::uuid[]) WITH ORDINALITY AS event (event_id, n)),
            new_event AS (
                INSERT INTO processed_events (event_id) SELECT event_id FROM event
                ON CONFLICT DO NOTHING RETURNING event_id),
            """;

    @Override
    public Mono<Set<UUID>> onceEach(List<UUID> eventIds, Writes effects) {
        if (eventIds.size() != effects.size()) {
            throw new IllegalArgumentException(eventIds.size() + " events for " + effects.size() + " effects");
        }
        if (Set.copyOf(eventIds).size() != eventIds.size()) {
            // The statement matches effects to new events by id: an id twice would take effect twice.
            throw new IllegalArgumentException("The same event twice in one batch: " + eventIds);
        }
        return SqlWrites.of(effects)
                .applyWhere(new SqlWrite.Guard(
                        NEW_EVENTS,
                        "n IN (SELECT event.n FROM event JOIN new_event USING (event_id))",
                        statement -> statement.bind("eventIds", eventIds.toArray(UUID[]::new))))
                .map(written -> written.stream().map(n -> eventIds.get(n - 1)).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Mono<Boolean> once(UUID eventId, Write effect) {
        return SqlWrite.of(effect)
                .applyWhere(new SqlWrite.Guard(
                        NEW_EVENT, "EXISTS (SELECT FROM new_event)", statement -> statement.bind("eventId", eventId)));
    }
}
