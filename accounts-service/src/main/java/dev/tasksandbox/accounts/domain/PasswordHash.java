package dev.tasksandbox.accounts.domain;

import java.util.Objects;

/** The stored, one-way form of a password. Never the password itself. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "password hash");
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
