package dev.tasksandbox.kernel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Integration event: a user account now exists. Published by accounts-service through its outbox on
 * {@link #TOPIC}, keyed by the user id, with Kafka headers {@code id} (the event id), {@code type}
 * ({@link #TYPE}) and {@code traceparent} ({@link TraceParent} of the request that caused it). The JSON form is {@code {"eventId", "userId", "occurredAt"}}, described by the schema at
 * {@link #SCHEMA_RESOURCE}, which both services test against.
 */
public record UserAccountCreated(UUID eventId, UUID userId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "accounts.user-events";
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".DLT";
    public static final String TYPE = "UserAccountCreated";
    public static final String SCHEMA_RESOURCE = "/contracts/user-account-created.schema.json";

    public UserAccountCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // PostgreSQL keeps microseconds: truncating here keeps the event equal to what is stored.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static UserAccountCreated of(UserId user, Instant occurredAt) {
        return new UserAccountCreated(UUID.randomUUID(), user.value(), occurredAt);
    }

    public UserId user() {
        return new UserId(userId);
    }
}
