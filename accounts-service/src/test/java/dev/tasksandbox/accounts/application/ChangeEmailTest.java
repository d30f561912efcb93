package dev.tasksandbox.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import org.junit.jupiter.api.Test;

class ChangeEmailTest {

    private final SessionsFixture fixture = new SessionsFixture();
    private final ChangeEmail changeEmail = new ChangeEmail(fixture.users, fixture.transactions);

    @Test
    void a_user_signs_in_with_the_new_address_and_no_longer_with_the_old_one() {
        UserId ada = fixture.register("ada@example.com");

        changeEmail
                .handle(new ChangeEmail.Command(ada, new EmailAddress("lovelace@example.com")))
                .block();

        assertThat(fixture.users.stored.get(ada).email().value()).isEqualTo("lovelace@example.com");
        assertThat(fixture.logIn
                        .handle(new LogIn.Command("lovelace@example.com", "correct horse"))
                        .block())
                .isNotNull();
    }

    @Test
    void an_address_of_another_account_is_refused_even_in_another_case() {
        UserId ada = fixture.register("ada@example.com");
        fixture.register("bob@example.com");

        assertThatThrownBy(() -> changeEmail
                        .handle(new ChangeEmail.Command(ada, new EmailAddress("BOB@example.com")))
                        .block())
                .isInstanceOf(EmailAlreadyTaken.class);
        assertThat(fixture.users.stored.get(ada).email().value()).isEqualTo("ada@example.com");
    }

    @Test
    void the_same_address_changes_nothing() {
        UserId ada = fixture.register("ada@example.com");

        changeEmail
                .handle(new ChangeEmail.Command(ada, new EmailAddress("ada@example.com")))
                .block();

        assertThat(fixture.users.stored.get(ada).email().value()).isEqualTo("ada@example.com");
    }
}
