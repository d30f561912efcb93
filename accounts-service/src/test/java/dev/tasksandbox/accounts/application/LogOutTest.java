package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogOutTest {

    private final SessionsFixture fixture = new SessionsFixture();
    private final LogOut logOut = new LogOut(fixture.refreshTokens, fixture.transactions, fixture.clock);
    private TokenPair loggedIn;

    @BeforeEach
    void logIn() {
        fixture.register("ada@example.com");
        loggedIn = fixture.logIn
                .handle(new LogIn.Command("ada@example.com", SessionsFixture.PASSWORD))
                .block();
    }

    @Test
    void a_logged_out_refresh_token_can_no_longer_be_traded() {
        logOut.handle(loggedIn.refreshToken()).block();

        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(loggedIn.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void logging_out_revokes_the_tokens_rotated_from_it_too() {
        TokenPair renewed = fixture.refreshLogin.handle(loggedIn.refreshToken()).block();

        logOut.handle(loggedIn.refreshToken()).block(); // the spent one still names the family

        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(renewed.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void an_unknown_token_logs_out_nothing_and_fails_nothing() {
        logOut.handle("never-issued").block();

        fixture.refreshLogin.handle(loggedIn.refreshToken()).block(); // the real session still works
    }
}
