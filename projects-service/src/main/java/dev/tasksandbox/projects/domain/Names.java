package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.InvalidValueException;

/**
 * The one rule for names of projects and tasks: 4 to 32 characters once surrounding blanks are trimmed, none of
 * them a control character (a name is shown on one line, and PostgreSQL refuses NUL in text).
 */
final class Names {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 32;

    private Names() {}

    static String checked(String field, String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValueException(
                    field,
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                            + " characters long, not counting surrounding blanks");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return trimmed;
    }
}
