package dev.tasksandbox.kernel;

import java.util.Objects;
import java.util.UUID;

/** Identity of a user account. Both services know users only by this value. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    /**
     * Reads a user id from its text form.
     *
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(Objects.requireNonNull(text, "user id")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
