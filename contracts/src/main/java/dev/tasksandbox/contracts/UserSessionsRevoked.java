package dev.tasksandbox.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Integration event: the user logged out everywhere. Every access token of theirs issued before {@code revokedAt}
 * must be refused from now on; one issued after it, even in the same second, stays good. Published on
 * {@link AccountEvents#TOPIC}, keyed by the user id, with headers {@code id}, {@code type} ({@link #TYPE}) and
 * {@code traceparent}. Its JSON form, {@code {"eventId", "userId", "revokedAt"}}, is described by the schema at
 * {@link #SCHEMA_RESOURCE}; {@code revokedAt} keeps its microseconds, since tokens are told apart by them.
 */
public record UserSessionsRevoked(UUID eventId, UUID userId, Instant revokedAt) implements AccountEvent {

    public static final String TYPE = "UserSessionsRevoked";
    public static final String SCHEMA_RESOURCE = "/contracts/user-sessions-revoked.schema.json";

    public UserSessionsRevoked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(revokedAt, "revokedAt");
        revokedAt = revokedAt.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
