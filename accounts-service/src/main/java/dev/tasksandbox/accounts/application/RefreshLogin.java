package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.RefreshToken;
import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Use case: a client trades its refresh token for a new pair (the OAuth2 refresh_token grant). The token is spent;
 * its successor continues the family. A spent token presented again revokes the family, and that revocation is
 * committed even though the answer is a refusal.
 */
public final class RefreshLogin {

    /** What a presented token led to: a new pair when it was usable, otherwise only the verdict. */
    private record Outcome(@Nullable TokenPair pair, RefreshToken.Verdict verdict) {

        Mono<TokenPair> answer() {
            return pair != null ? Mono.just(pair) : Mono.error(new RefreshTokenRejected(verdict));
        }
    }

    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final Transactions transactions;
    private final Clock clock;

    public RefreshLogin(RefreshTokens refreshTokens, Sessions sessions, Transactions transactions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<TokenPair> handle(String refreshToken) {
        Instant now = clock.instant();
        Mono<Outcome> rotation = refreshTokens
                .lock(refreshToken)
                .flatMap(token -> use(token, now))
                .defaultIfEmpty(new Outcome(null, RefreshToken.Verdict.UNKNOWN));
        return transactions.inTransaction(rotation).flatMap(Outcome::answer);
    }

    private Mono<Outcome> use(RefreshToken token, Instant now) {
        RefreshToken.Verdict verdict = token.judge(now);
        return switch (verdict) {
            case USABLE ->
                refreshTokens
                        .spend(token, now)
                        .then(sessions.continueFamily(token))
                        .map(pair -> new Outcome(pair, verdict));
            case REUSED -> refreshTokens.revokeFamily(token.family(), now).thenReturn(new Outcome(null, verdict));
            case UNKNOWN, EXPIRED, REVOKED -> Mono.just(new Outcome(null, verdict));
        };
    }
}
