package dev.tasksandbox.accounts.application;

import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Use case: a client ends its session by handing back its refresh token: the token's whole family is revoked, so
 * neither it nor any token rotated from it can be used again. The answer tells nothing: an unknown, spent or
 * already revoked token is the same success, so the endpoint cannot be used to probe which tokens exist.
 */
public final class LogOut {

    private final RefreshTokens refreshTokens;
    private final Transactions transactions;
    private final Clock clock;

    public LogOut(RefreshTokens refreshTokens, Transactions transactions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> handle(String refreshToken) {
        return transactions.inTransaction(refreshTokens
                .lock(refreshToken)
                .flatMap(token -> refreshTokens.revokeFamily(token.family(), clock.instant())));
    }
}
