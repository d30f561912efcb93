package dev.tasksandbox.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.gateway.GatewayProperties.LoginLimits;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginAttempts attempts = new LoginAttempts(
            new LoginLimits(3, 2, Duration.ofMinutes(1)),
            (limit, capacity, period) -> new RequestBuckets(capacity, period, now::get));

    @Test
    void addresses_and_usernames_are_counted_apart() {
        assertThat(attempts.forUsername("ann@example.com").block()).isZero();
        assertThat(attempts.forUsername("ann@example.com").block()).isZero();

        assertThat(attempts.forUsername("ann@example.com").block()).isPositive();
        assertThat(attempts.forUsername("bob@example.com").block()).isZero();
        assertThat(attempts.fromAddress("ann@example.com").block())
                .as("same text, other kind of key")
                .isZero();
    }

    @Test
    void the_username_is_read_from_the_form_as_accounts_compares_emails() {
        assertThat(username("grant_type=password&username=+Ann%40Example.COM+&password=x"))
                .contains("ann@example.com");
        assertThat(username("username=%E2%80%83ann@example.com%E3%80%80"))
                .as("Unicode spaces are stripped")
                .contains("ann@example.com");
    }

    @Test
    void an_encoded_field_name_or_a_second_username_does_not_hide_the_first() {
        assertThat(username("user%6Eame=ann@example.com&username=decoy@example.com"))
                .contains("ann@example.com");
    }

    @Test
    void a_form_without_a_username_or_with_a_broken_escape_has_none() {
        assertThat(username("grant_type=refresh_token&refresh_token=abc")).isEmpty();
        assertThat(username("username=%zz")).isEmpty();
        assertThat(username("")).isEmpty();
    }

    @Test
    void ipv6_clients_are_counted_by_their_64_bit_network() throws Exception {
        assertThat(ClientAddress.of(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
                .isEqualTo(ClientAddress.of(InetAddress.getByName("2001:db8:1:2::1")))
                .isNotEqualTo(ClientAddress.of(InetAddress.getByName("2001:db8:1:3::1")));
        assertThat(ClientAddress.of(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
    }

    private static java.util.Optional<String> username(String form) {
        return LoginAttemptLimit.username(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
