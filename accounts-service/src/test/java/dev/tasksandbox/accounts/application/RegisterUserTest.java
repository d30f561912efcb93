package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.accounts.domain.UserRegistered;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RegisterUserTest {

    private final InMemoryUsers users = new InMemoryUsers();
    private final PrefixHasher hasher = new PrefixHasher();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final RegisterUser registerUser = new RegisterUser(users, hasher, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void a_new_address_opens_an_account_whose_creation_is_announced() {
        UserId id = registerUser.handle(command("ada@example.com")).block();

        User stored = users.stored.get(id);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.passwordHash()).isEqualTo(new PasswordHash("hashed:correct horse"));
        assertThat(users.events)
                .singleElement()
                .isInstanceOfSatisfying(
                        UserRegistered.class,
                        event -> assertThat(event.occurredAt()).isEqualTo(now));
    }

    @Test
    void an_address_taken_in_another_case_is_refused_without_hashing() {
        registerUser.handle(command("ada@example.com")).block();
        hasher.hashes = 0;

        StepVerifier.create(registerUser.handle(command("ADA@Example.com")))
                .expectError(EmailAlreadyTaken.class)
                .verify();
        assertThat(hasher.hashes).isZero();
        assertThat(users.stored).hasSize(1);
    }

    private static RegisterUser.Command command(String email) {
        return new RegisterUser.Command(new EmailAddress(email), new Password("correct horse"));
    }
}
