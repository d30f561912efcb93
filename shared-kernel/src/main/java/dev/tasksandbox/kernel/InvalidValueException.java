package dev.tasksandbox.kernel;

/**
 * A value object refused its input. Carries the name of the field the caller sent, so the web layer can
 * answer 422 with one entry per bad field.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The message without the field name, e.g. "must be at most 254 characters". */
    public String reason() {
        return reason;
    }
}
