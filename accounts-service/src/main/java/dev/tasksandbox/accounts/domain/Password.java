package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * A password as the user typed it: 8 to 72 UTF-8 bytes. 72 is bcrypt's input limit; a longer password is
 * refused rather than silently truncated, because truncation would make two different passwords equal.
 */
public record Password(String value) {

    public static final int MIN_BYTES = 8;
    public static final int MAX_BYTES = 72;

    public Password {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("password", "must not be empty");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new InvalidValueException("password", "must be at least " + MIN_BYTES + " bytes");
        }
        if (bytes > MAX_BYTES) {
            throw new InvalidValueException("password", "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
