package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.RefreshToken;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Storage of refresh tokens. Only a hash is stored: the token itself is shown once, to its owner. */
public interface RefreshTokens {

    /**
     * Creates a token in {@code family} and returns it, the only time it is ever seen in clear. The first token
     * of a family creates the family, which ends at {@code familyExpiresAt}.
     */
    Mono<String> issue(UserId user, UUID family, Instant familyExpiresAt, Instant expiresAt);

    /** The stored token, locked until the transaction ends; empty when unknown. */
    Mono<RefreshToken> lock(String token);

    Mono<Void> spend(RefreshToken token, Instant at);

    Mono<Void> revokeFamily(UUID family, Instant at);

    /**
     * Revokes every family of {@code user}'s, each locked until the transaction ends: a rotation under way
     * finishes first, so no token it issues outlives this.
     */
    Mono<Void> revokeFamiliesOf(UserId user, Instant at);
}
