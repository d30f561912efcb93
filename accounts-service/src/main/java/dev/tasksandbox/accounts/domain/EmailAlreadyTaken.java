package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.EmailAddress;

/** Another account already uses this address, compared without regard to case. */
public final class EmailAlreadyTaken extends AccountsError {

    public EmailAlreadyTaken(EmailAddress email) {
        super("Email " + email + " is already taken");
    }
}
