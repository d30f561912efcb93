package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.kernel.DomainEvent;
import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.web.TraceContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox. Must be called inside the transaction that changes the aggregate.
 *
 * <p>The row carries the {@code traceparent} of the request that caused the event, which the relay publishes
 * as a header, so the trace goes on through Kafka.
 *
 * <p>The row stays until Kafka has acknowledged its event: the relay reads the insert from the write-ahead log
 * for speed, deletes the row once it is published, and republishes what is left in the table whenever it
 * finds its replication slot gone. So the table, not the log, is the record of what must still be published.
 */
@Component
class Outbox {

    private final DatabaseClient database;
    private final JsonMapper json;

    Outbox(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> append(DomainEvent event) {
        if (!(event instanceof UserAccountCreated created)) {
            return Mono.error(new IllegalArgumentException("No integration event for " + event.getClass()));
        }
        return TraceContext.current()
                .flatMap(trace -> database.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        VALUES (:id, 'user', :aggregateId, :type, :payload, :traceparent)""")
                        .bind("id", created.eventId())
                        .bind("aggregateId", created.userId().toString())
                        .bind("type", UserAccountCreated.TYPE)
                        .bind("payload", json.writeValueAsString(created))
                        .bind("traceparent", trace.value())
                        .then());
    }
}
