package dev.tasksandbox.accounts.domain;

/** A rule of the accounts context was broken. The web layer maps each kind to one HTTP status. */
public abstract sealed class AccountsError extends RuntimeException
        permits EmailAlreadyTaken, InvalidCredentials, RefreshTokenRejected, UserNotFound {

    protected AccountsError(String message) {
        super(message, null, false, false);
    }
}
