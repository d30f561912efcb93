package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Use cases wired to in-memory ports and a clock the test moves. */
final class SessionsFixture {

    static final Duration REFRESH_LIFETIME = Duration.ofDays(14);
    static final Duration FAMILY_LIFETIME = Duration.ofDays(30);
    static final String PASSWORD = "correct horse";

    final InMemoryUsers users = new InMemoryUsers();
    final PrefixHasher hasher = new PrefixHasher();
    final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();
    final AccessTokenIssuer accessTokens = user -> Mono.fromSupplier(() -> new AccessTokenIssuer.AccessToken(
            "access-" + user + "-" + issued.incrementAndGet(), Duration.ofMinutes(15)));
    final Sessions sessions = new Sessions(accessTokens, refreshTokens, clock, REFRESH_LIFETIME, FAMILY_LIFETIME);
    final Transactions transactions = new Transactions() {
        @Override
        public <T> Mono<T> inTransaction(Mono<T> work) {
            return work;
        }
    };

    final RegisterUser registerUser = new RegisterUser(users, hasher, clock);
    final LogIn logIn = new LogIn(users, hasher, sessions);
    final RefreshLogin refreshLogin = new RefreshLogin(refreshTokens, sessions, transactions, clock);

    /** Registers {@code email} with the password every test here logs in with. */
    UserId register(String email) {
        return registerUser
                .handle(new RegisterUser.Command(new EmailAddress(email), new Password(PASSWORD)))
                .block();
    }
}
