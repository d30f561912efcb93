package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.UserId;

/** A valid token names a user who is not (or no longer) here. */
public final class UserNotFound extends AccountsError {

    public UserNotFound(UserId id) {
        super("User " + id + " not found");
    }
}
