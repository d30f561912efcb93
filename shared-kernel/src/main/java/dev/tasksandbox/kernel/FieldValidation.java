package dev.tasksandbox.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds several value objects from a request and reports all refusals together:
 * <pre>{@code
 * FieldValidation validation = new FieldValidation();
 * EmailAddress email = validation.check(() -> new EmailAddress(request.email()));
 * Password password = validation.check(() -> new Password(request.password()));
 * validation.throwIfInvalid();
 * }</pre>
 */
public final class FieldValidation {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    /** Returns the value, or null after noting why it was refused. */
    public <T> T check(Supplier<T> valueObject) {
        try {
            return valueObject.get();
        } catch (InvalidValueException refused) {
            errors.add(new InvalidInput.FieldError(refused.field(), refused.reason()));
            return null;
        }
    }

    /** @throws InvalidInput when any check failed */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
