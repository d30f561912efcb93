package dev.tasksandbox.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Integration event: a user account now exists. Published on {@link AccountEvents#TOPIC}, keyed by the user id,
 * with headers {@code id}, {@code type} ({@link #TYPE}) and {@code traceparent}. Its JSON form, {@code {"eventId",
 * "userId", "occurredAt"}}, is described by the schema at {@link #SCHEMA_RESOURCE}.
 */
public record UserAccountCreated(UUID eventId, UUID userId, Instant occurredAt) implements AccountEvent {

    public static final String TYPE = "UserAccountCreated";
    public static final String SCHEMA_RESOURCE = "/contracts/user-account-created.schema.json";

    public UserAccountCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // PostgreSQL keeps microseconds: truncating here keeps the event equal to what is stored.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
