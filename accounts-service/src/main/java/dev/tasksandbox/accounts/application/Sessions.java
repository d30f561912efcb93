package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.RefreshToken;
import dev.tasksandbox.kernel.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Issues token pairs. A login starts a family of refresh tokens; each refresh continues it, so that reuse of
 * one spent token can revoke all of them. A refresh token lives {@code refreshTokenLifetime}, but never past
 * the end of its family, {@code familyLifetime} after the login: rotation never extends a session.
 */
public final class Sessions {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final Clock clock;
    private final Duration refreshTokenLifetime;
    private final Duration familyLifetime;

    public Sessions(
            AccessTokenIssuer accessTokens,
            RefreshTokens refreshTokens,
            Clock clock,
            Duration refreshTokenLifetime,
            Duration familyLifetime) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.refreshTokenLifetime = refreshTokenLifetime;
        this.familyLifetime = familyLifetime;
    }

    Mono<TokenPair> start(UserId user) {
        return issue(user, UUID.randomUUID(), clock.instant().plus(familyLifetime));
    }

    /** The successor of {@code spent}, in its family and no longer-lived than it. */
    Mono<TokenPair> continueFamily(RefreshToken spent) {
        return issue(spent.user(), spent.family(), spent.familyExpiresAt());
    }

    private Mono<TokenPair> issue(UserId user, UUID family, Instant familyExpiresAt) {
        Instant expiresAt = clock.instant().plus(refreshTokenLifetime);
        return refreshTokens
                .issue(user, family, familyExpiresAt, expiresAt.isBefore(familyExpiresAt) ? expiresAt : familyExpiresAt)
                .zipWith(
                        accessTokens.issue(user),
                        (refresh, access) -> new TokenPair(access.value(), access.lifetime(), refresh));
    }
}
