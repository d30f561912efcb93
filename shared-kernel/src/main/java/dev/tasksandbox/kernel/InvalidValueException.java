package dev.tasksandbox.kernel;

/**
 * A value object refused its input. Carries the name of the field the caller sent, so the web layer can
 * answer 422 with one entry per bad field.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name, e.g. "must be at most 254 characters". */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
