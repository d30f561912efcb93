package dev.tasksandbox.accounts.application;

import dev.tasksandbox.kernel.UserId;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Issues the signed, short-lived access tokens every service accepts. Signing costs CPU, so it is asynchronous. */
public interface AccessTokenIssuer {

    record AccessToken(String value, Duration lifetime) {}

    Mono<AccessToken> issue(UserId user);
}
