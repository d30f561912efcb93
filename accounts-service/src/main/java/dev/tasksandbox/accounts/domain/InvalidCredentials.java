package dev.tasksandbox.accounts.domain;

/** The email is unknown or the password wrong; which one is deliberately not said. */
public final class InvalidCredentials extends AccountsError {

    public InvalidCredentials() {
        super("Invalid email or password");
    }
}
