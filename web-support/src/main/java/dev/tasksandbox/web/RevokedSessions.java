package dev.tasksandbox.web;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where a service learns that a user logged out everywhere: the moment their sessions were last revoked, before
 * which every access token of theirs is refused. accounts reads it from its own table; projects-service keeps
 * what the {@code UserSessionsRevoked} events told it.
 */
@FunctionalInterface
public interface RevokedSessions {

    /** When {@code user}'s sessions were last revoked; empty when they never were. */
    Mono<Instant> revokedAt(UserId user);
}
