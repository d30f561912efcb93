package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshLoginTest {

    private final SessionsFixture fixture = new SessionsFixture();
    private TokenPair loggedIn;

    @BeforeEach
    void logIn() {
        fixture.register("ada@example.com");
        loggedIn = fixture.logIn
                .handle(new LogIn.Command("ada@example.com", "correct horse"))
                .block();
    }

    @Test
    void a_refresh_token_is_traded_for_a_new_pair() {
        TokenPair renewed = fixture.refreshLogin.handle(loggedIn.refreshToken()).block();

        assertThat(renewed.refreshToken()).isNotEqualTo(loggedIn.refreshToken());
        assertThat(renewed.accessToken()).isNotEqualTo(loggedIn.accessToken());
    }

    @Test
    void a_spent_refresh_token_presented_again_revokes_its_whole_family() {
        TokenPair renewed = fixture.refreshLogin.handle(loggedIn.refreshToken()).block();

        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(loggedIn.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(renewed.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void revoking_one_family_leaves_other_logins_alone() {
        TokenPair otherDevice = fixture.logIn
                .handle(new LogIn.Command("ada@example.com", "correct horse"))
                .block();
        fixture.refreshLogin.handle(loggedIn.refreshToken()).block();
        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(loggedIn.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class);

        assertThat(fixture.refreshLogin.handle(otherDevice.refreshToken()).block())
                .isNotNull();
    }

    @Test
    void an_expired_refresh_token_is_refused() {
        fixture.clock.advance(SessionsFixture.REFRESH_LIFETIME.plus(Duration.ofSeconds(1)));

        assertThatThrownBy(() ->
                        fixture.refreshLogin.handle(loggedIn.refreshToken()).block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("expired");
    }

    @Test
    void rotation_never_extends_a_login_past_its_family_lifetime() {
        TokenPair current = loggedIn;
        Duration step = SessionsFixture.REFRESH_LIFETIME.minusDays(1);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(SessionsFixture.FAMILY_LIFETIME) < 0) {
            fixture.clock.advance(step);
            elapsed = elapsed.plus(step);
            current = fixture.refreshLogin.handle(current.refreshToken()).block();
        }
        String last = current.refreshToken();

        fixture.clock.advance(SessionsFixture.FAMILY_LIFETIME.minus(elapsed));

        assertThatThrownBy(() -> fixture.refreshLogin.handle(last).block())
                .as("its own lifetime has days left, its family's has none")
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessageContaining("expired");
    }

    @Test
    void an_unknown_refresh_token_is_refused() {
        assertThatThrownBy(() -> fixture.refreshLogin.handle("made-up").block())
                .isInstanceOf(RefreshTokenRejected.class)
                .hasMessage("Unknown refresh token");
    }
}
