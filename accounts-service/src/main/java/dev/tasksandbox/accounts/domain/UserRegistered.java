package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.DomainEvent;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Domain event: someone registered and their account exists. Other contexts learn of it as the integration
 * event {@code UserAccountCreated}, into which the outbox translates it.
 */
public record UserRegistered(UUID eventId, UserId user, Instant occurredAt) implements DomainEvent {

    public UserRegistered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    static UserRegistered now(UserId user, Instant registeredAt) {
        return new UserRegistered(UUID.randomUUID(), user, registeredAt);
    }
}
