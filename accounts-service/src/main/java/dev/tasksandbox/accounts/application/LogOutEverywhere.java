package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.kernel.UserId;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Use case: a user logs out everywhere. Every refresh-token family of theirs is revoked, and every access token
 * issued to them until now is refused: by accounts as soon as this commits, by projects-service once the
 * {@code SessionsRevoked} event, written in the same transaction, reaches it.
 *
 * <p>The families are revoked (and locked) before the moment of revocation is taken: a refresh that was under
 * way has then committed, so the access token it issued is older than that moment and refused too.
 */
public final class LogOutEverywhere {

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final Transactions transactions;
    private final Clock clock;

    public LogOutEverywhere(Users users, RefreshTokens refreshTokens, Transactions transactions, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> handle(UserId user) {
        Mono<Void> revocation = users.lock(user)
                .switchIfEmpty(Mono.error(() -> new UserNotFound(user)))
                .flatMap(account -> refreshTokens
                        .revokeFamiliesOf(user, clock.instant())
                        .then(Mono.defer(() -> {
                            account.revokeSessions(clock.instant());
                            return users.update(account);
                        })));
        return transactions.inTransaction(revocation);
    }
}
