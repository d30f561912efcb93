package dev.tasksandbox.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds several value objects from a request and reports all refusals together:
 * <pre>{@code
 * FieldValidation validation = new FieldValidation();
 * Checked<EmailAddress> email = validation.check(() -> new EmailAddress(request.email()));
 * Checked<Password> password = validation.check(() -> new Password(request.password()));
 * validation.throwIfInvalid();
 * new RegisterUser.Command(email.value(), password.value());
 * }</pre>
 * A checked value can only be read once every check passed, so a refused field never travels on as null.
 */
public final class FieldValidation {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    /** Builds the value object, or notes why it was refused. */
    public <T> Checked<T> check(Supplier<T> valueObject) {
        try {
            return new Checked<>(this, valueObject.get());
        } catch (InvalidValueException refused) {
            errors.add(new InvalidInput.FieldError(refused.field(), refused.reason()));
            return new Checked<>(this, null);
        }
    }

    /**
     * Throws when any check failed.
     *
     * @throws InvalidInput naming every refused field
     */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** One field's value object, readable when the whole validation passed. */
    public static final class Checked<T> {

        private final FieldValidation validation;
        private final @Nullable T value;

        private Checked(FieldValidation validation, @Nullable T value) {
            this.validation = validation;
            this.value = value;
        }

        /**
         * Returns the value object.
         *
         * @throws InvalidInput when this or any other field of the validation was refused
         */
        public T value() {
            validation.throwIfInvalid();
            // Only a refusal leaves the value absent, and a refusal is an error thrown just above.
            return Objects.requireNonNull(value);
        }
    }
}
