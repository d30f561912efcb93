package dev.tasksandbox.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    private final UserId id = UserId.newId();
    private final EmailAddress email = new EmailAddress("ada@example.com");
    private final PasswordHash hash = new PasswordHash("$2a$04$hash");
    private final Instant now = Instant.parse("2026-11-25T10:15:30.123456Z");

    @Test
    void registering_records_that_the_account_was_created() {
        User user = User.register(id, email, hash, now);

        assertThat(user.takeEvents()).singleElement().isInstanceOfSatisfying(UserRegistered.class, event -> {
            assertThat(event.user()).isEqualTo(id);
            assertThat(event.occurredAt()).isEqualTo(now);
        });
    }

    @Test
    void restoring_a_stored_account_records_nothing() {
        User user = User.restore(id, email, hash, now, null);

        assertThat(user.takeEvents()).isEmpty();
        assertThat(user.email()).isEqualTo(email);
    }

    @Test
    void logging_out_everywhere_records_the_moment_to_the_microsecond() {
        User user = User.restore(id, email, hash, now, null);
        Instant at = Instant.parse("2026-11-25T10:00:00.123456789Z");

        user.revokeSessions(at);

        Instant kept = Instant.parse("2026-11-25T10:00:00.123456Z");
        assertThat(user.sessionsRevokedAt()).contains(kept);
        assertThat(user.takeEvents()).singleElement().isInstanceOfSatisfying(SessionsRevoked.class, event -> {
            assertThat(event.user()).isEqualTo(id);
            assertThat(event.revokedAt()).isEqualTo(kept);
        });
    }
}
