package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.accounts.domain.InvalidCredentials;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogInTest {

    private final SessionsFixture fixture = new SessionsFixture();

    @BeforeEach
    void registerAda() {
        fixture.register("ada@example.com");
    }

    @Test
    void the_right_password_gives_an_access_token_and_a_refresh_token() {
        TokenPair pair = fixture.logIn
                .handle(new LogIn.Command("ada@example.com", "correct horse"))
                .block();

        assertThat(pair.accessToken()).startsWith("access-");
        assertThat(pair.refreshToken()).isNotBlank();
    }

    @Test
    void the_address_is_matched_without_regard_to_case_or_surrounding_blanks() {
        assertThat(fixture.logIn
                        .handle(new LogIn.Command("  ADA@Example.com ", "correct horse"))
                        .block())
                .isNotNull();
    }

    @Test
    void a_wrong_password_and_an_unknown_address_are_refused_alike_after_the_same_work() {
        int before = fixture.hasher.verifications;
        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("ada@example.com", "wrong horse"))
                        .block())
                .isInstanceOf(InvalidCredentials.class)
                .hasMessage("Invalid email or password");
        int wrongPasswordWork = fixture.hasher.verifications - before;

        before = fixture.hasher.verifications;
        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("bob@example.com", "correct horse"))
                        .block())
                .isInstanceOf(InvalidCredentials.class)
                .hasMessage("Invalid email or password");
        int unknownAddressWork = fixture.hasher.verifications - before;

        assertThat(unknownAddressWork).isEqualTo(wrongPasswordWork).isEqualTo(1);
    }

    @Test
    void credentials_that_break_the_rules_are_refused_alike_after_the_same_work() {
        int before = fixture.hasher.verifications;

        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("ada@example.com", "short"))
                        .block())
                .isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("not an address", "correct horse"))
                        .block())
                .isInstanceOf(InvalidCredentials.class);

        assertThat(fixture.hasher.verifications - before).isEqualTo(2);
    }

    @Test
    void a_dummy_hash_that_failed_once_is_computed_again_so_unknown_addresses_are_not_told_apart_later() {
        fixture.hasher.hashesToRefuse = 1;
        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("bob@example.com", "correct horse"))
                        .block())
                .isInstanceOf(RejectedExecutionException.class);

        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("bob@example.com", "correct horse"))
                        .block())
                .isInstanceOf(InvalidCredentials.class);
        int hashes = fixture.hasher.hashes;
        assertThatThrownBy(() -> fixture.logIn
                        .handle(new LogIn.Command("carol@example.com", "correct horse"))
                        .block())
                .isInstanceOf(InvalidCredentials.class);
        assertThat(fixture.hasher.hashes)
                .as("a dummy hash that succeeded is kept")
                .isEqualTo(hashes);
    }
}
