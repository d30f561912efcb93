package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import dev.tasksandbox.accounts.domain.SessionsRevoked;
import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.kernel.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogOutEverywhereTest {

    private final SessionsFixture fixture = new SessionsFixture();
    private final LogOutEverywhere logOutEverywhere =
            new LogOutEverywhere(fixture.users, fixture.refreshTokens, fixture.transactions, fixture.clock);
    private UserId ada;
    private TokenPair onThePhone;
    private TokenPair onTheLaptop;

    @BeforeEach
    void logInTwice() {
        ada = fixture.register("ada@example.com");
        onThePhone = logIn();
        onTheLaptop = logIn();
    }

    @Test
    void every_session_of_the_user_ends() {
        logOutEverywhere.handle(ada).block();

        for (TokenPair session : new TokenPair[] {onThePhone, onTheLaptop}) {
            assertThatThrownBy(() ->
                            fixture.refreshLogin.handle(session.refreshToken()).block())
                    .isInstanceOf(RefreshTokenRejected.class)
                    .hasMessageContaining("revoked");
        }
    }

    @Test
    void a_login_afterwards_starts_a_session_that_works() {
        logOutEverywhere.handle(ada).block();
        fixture.clock.advance(Duration.ofMillis(1));

        TokenPair fresh = logIn();

        assertThat(fixture.refreshLogin.handle(fresh.refreshToken()).block()).isNotNull();
    }

    @Test
    void other_contexts_are_told_when_the_sessions_were_revoked() {
        fixture.users.events.clear(); // the registration's

        logOutEverywhere.handle(ada).block();

        assertThat(fixture.users.events).singleElement().isInstanceOfSatisfying(SessionsRevoked.class, event -> {
            assertThat(event.user()).isEqualTo(ada);
            assertThat(event.revokedAt()).isEqualTo(fixture.clock.instant());
        });
        assertThat(fixture.users.stored.get(ada).sessionsRevokedAt()).contains(fixture.clock.instant());
    }

    @Test
    void an_account_that_no_longer_exists_is_not_found() {
        assertThatThrownBy(() -> logOutEverywhere.handle(UserId.newId()).block())
                .isInstanceOf(UserNotFound.class);
    }

    private TokenPair logIn() {
        return fixture.logIn
                .handle(new LogIn.Command("ada@example.com", SessionsFixture.PASSWORD))
                .block();
    }
}
