package dev.tasksandbox.accounts.application;

import dev.tasksandbox.kernel.UserId;
import java.time.Duration;

/** Issues the signed, short-lived access tokens every service accepts. */
public interface AccessTokenIssuer {

    record AccessToken(String value, Duration lifetime) {
    }

    AccessToken issue(UserId user);
}
