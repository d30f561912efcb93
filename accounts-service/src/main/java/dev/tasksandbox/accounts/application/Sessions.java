package dev.tasksandbox.accounts.application;

import dev.tasksandbox.kernel.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Issues token pairs. A login starts a family of refresh tokens; each refresh continues it, so that reuse of
 * one spent token can revoke all of them.
 */
public final class Sessions {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final Clock clock;
    private final Duration refreshTokenLifetime;

    public Sessions(
            AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, Clock clock, Duration refreshTokenLifetime) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    Mono<TokenPair> start(UserId user) {
        return continueFamily(user, UUID.randomUUID());
    }

    Mono<TokenPair> continueFamily(UserId user, UUID family) {
        return refreshTokens
                .issue(user, family, clock.instant().plus(refreshTokenLifetime))
                .zipWith(
                        accessTokens.issue(user),
                        (refresh, access) -> new TokenPair(access.value(), access.lifetime(), refresh));
    }
}
