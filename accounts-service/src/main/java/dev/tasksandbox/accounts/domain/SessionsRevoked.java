package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.DomainEvent;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Domain event: the user logged out everywhere, so every access token issued to them until {@code revokedAt} is
 * void. Other contexts learn of it as the integration event {@code UserSessionsRevoked}.
 */
public record SessionsRevoked(UUID eventId, UserId user, Instant revokedAt) implements DomainEvent {

    public SessionsRevoked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** It happened at the moment of revocation. */
    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
