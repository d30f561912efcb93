package dev.tasksandbox.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void eight_to_seventy_two_bytes_are_accepted() {
        assertThat(new Password("12345678").value()).hasSize(8);
        assertThat(new Password("x".repeat(72)).value()).hasSize(72);
    }

    @Test
    void fewer_than_eight_bytes_are_refused() {
        assertThatThrownBy(() -> new Password("1234567"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void more_than_seventy_two_bytes_are_refused_not_truncated() {
        assertThatThrownBy(() -> new Password("x".repeat(73))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void length_is_counted_in_utf8_bytes_not_characters() {
        // 'é' is two bytes: 36 of them are 72 bytes, 37 are 74.
        assertThat(new Password("é".repeat(36)).value()).hasSize(36);
        assertThatThrownBy(() -> new Password("é".repeat(37))).isInstanceOf(InvalidValueException.class);
        // four characters, eight bytes
        assertThat(new Password("éééé").value()).hasSize(4);
    }

    @Test
    void an_empty_or_missing_password_is_refused() {
        assertThatThrownBy(() -> new Password("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_password_never_shows_in_logs() {
        assertThat(new Password("correct horse")).hasToString("Password[***]");
    }
}
