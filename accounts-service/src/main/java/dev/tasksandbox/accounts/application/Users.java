package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
import reactor.core.publisher.Mono;

/** The repository of user accounts. */
public interface Users {

    Mono<Boolean> existsWithEmail(EmailAddress email);

    /**
     * Stores a new account together with the events it recorded, atomically.
     * Fails with {@link EmailAlreadyTaken} when the address was taken in the meantime.
     */
    Mono<Void> add(User user);
}
