package dev.tasksandbox.kernel;

import java.util.List;

/** One or more fields of a request were refused; every one is reported, not only the first. */
public class InvalidInput extends RuntimeException {

    /** A refused field and why, in words a client developer can act on. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
