package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldValidationTest {

    @Test
    void every_refused_field_is_reported_not_only_the_first() {
        FieldValidation validation = new FieldValidation();
        validation.check(() -> new EmailAddress("not an address"));
        validation.check(() -> {
            throw new InvalidValueException("password", "must not be empty");
        });

        assertThatThrownBy(validation::throwIfInvalid)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new InvalidInput.FieldError("email", "must be a valid email address"),
                                        new InvalidInput.FieldError("password", "must not be empty")));
    }

    @Test
    void valid_fields_pass_through() {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<EmailAddress> email = validation.check(() -> new EmailAddress("ada@example.com"));
        validation.throwIfInvalid();
        assertThat(email.value().value()).isEqualTo("ada@example.com");
    }

    @Test
    void a_value_cannot_be_read_while_another_field_is_refused() {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<EmailAddress> email = validation.check(() -> new EmailAddress("ada@example.com"));
        validation.check(() -> new EmailAddress("not an address"));

        assertThatThrownBy(email::value)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new InvalidInput.FieldError("email", "must be a valid email address")));
    }
}
