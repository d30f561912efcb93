package dev.tasksandbox.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.gateway.GatewayProperties.LoginLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginAttempts attempts = new LoginAttempts(new LoginLimits(3, 2, Duration.ofMinutes(1)), now::get);

    @Test
    void addresses_and_usernames_are_counted_apart() {
        assertThat(attempts.forUsername("ann@example.com")).isZero();
        assertThat(attempts.forUsername("ann@example.com")).isZero();

        assertThat(attempts.forUsername("ann@example.com")).isPositive();
        assertThat(attempts.forUsername("bob@example.com")).isZero();
        assertThat(attempts.fromAddress("ann@example.com")).as("same text, other kind of key").isZero();
    }

    @Test
    void the_username_is_read_from_the_form_as_accounts_compares_emails() {
        byte[] form = "grant_type=password&username=+Ann%40Example.COM+&password=x".getBytes(StandardCharsets.US_ASCII);

        assertThat(LoginAttemptLimit.username(form)).contains("ann@example.com");
    }

    @Test
    void a_form_without_a_username_or_with_a_broken_escape_has_none() {
        assertThat(LoginAttemptLimit.username("grant_type=refresh_token&refresh_token=abc".getBytes())).isEmpty();
        assertThat(LoginAttemptLimit.username("username=%zz".getBytes())).isEmpty();
        assertThat(LoginAttemptLimit.username(new byte[0])).isEmpty();
    }
}
