package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.domain.SessionsRevoked;
import dev.tasksandbox.accounts.domain.UserRegistered;
import dev.tasksandbox.accounts.infrastructure.tracing.ObservedSteps;
import dev.tasksandbox.contracts.AccountEvent;
import dev.tasksandbox.contracts.AccountEventCodec;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.kernel.DomainEvent;
import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.web.edge.TraceIds;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox. Must be called inside the transaction that changes the aggregate.
 *
 * <p>Here a domain event becomes the integration event: {@link UserRegistered} is published as the contract's
 * {@link UserAccountCreated}, {@link SessionsRevoked} as {@link UserSessionsRevoked}, written by the contract's
 * codec.
 *
 * <p>The write is a step of its own in the request's trace ({@code outbox write}), and the row carries that
 * step's {@code traceparent}: the relay's publish span is its child, so the trace goes on through Kafka. Without
 * tracing the column stays empty and the relay starts a trace of its own.
 *
 * <p>The row stays until Kafka has acknowledged its event: the relay reads the insert from the write-ahead log
 * for speed, deletes the row once it is published, and republishes what is left in the table whenever it
 * finds its replication slot gone. So the table, not the log, is the record of what must still be published.
 */
@Component
class Outbox {

    private final DatabaseClient database;
    private final ObservedSteps steps;
    private final AccountEventCodec codec = new AccountEventCodec();

    Outbox(DatabaseClient database, ObservedSteps steps) {
        this.database = database;
        this.steps = steps;
    }

    Mono<Void> append(DomainEvent event) {
        return Mono.fromCallable(() -> published(event))
                .flatMap(published -> steps.observed(
                        "accounts.outbox.write",
                        "outbox write",
                        KeyValues.of("event.type", published.type()),
                        step -> insert(
                                published,
                                TraceIds.traceparentOf(step.getContextView()).orElse(null))));
    }

    /** The one place where a domain event of accounts becomes the integration event others read. */
    private static AccountEvent published(DomainEvent event) {
        if (event instanceof UserRegistered registered) {
            return new UserAccountCreated(
                    registered.eventId(), registered.user().value(), registered.occurredAt());
        }
        if (event instanceof SessionsRevoked revoked) {
            return new UserSessionsRevoked(revoked.eventId(), revoked.user().value(), revoked.revokedAt());
        }
        throw new IllegalArgumentException("No integration event for " + event.getClass());
    }

    private Mono<Void> insert(AccountEvent event, @Nullable TraceParent trace) {
        // aggregateid becomes the record's key: every event of one user on one partition, in order.
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        VALUES (:id, 'user', :aggregateId, :type, :payload, :traceparent)""")
                .bind("id", event.eventId())
                .bind("aggregateId", event.userId().toString())
                .bind("type", event.type())
                .bind("payload", codec.encode(event));
        return (trace == null
                        ? insert.bindNull("traceparent", String.class)
                        : insert.bind("traceparent", trace.value()))
                .then();
    }
}
