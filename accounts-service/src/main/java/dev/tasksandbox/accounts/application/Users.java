package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import reactor.core.publisher.Mono;

/** The repository of user accounts. */
public interface Users {

    Mono<Boolean> existsWithEmail(EmailAddress email);

    /** The account with this address, compared without regard to case; empty when there is none. */
    Mono<User> withEmail(EmailAddress email);

    Mono<User> withId(UserId id);

    /** The account, locked until the transaction ends, so that a change of it is not lost to another. */
    Mono<User> lock(UserId id);

    /**
     * Stores a new account together with the events it recorded, atomically.
     * Fails with {@link EmailAlreadyTaken} when the address was taken in the meantime.
     */
    Mono<Void> add(User user);

    /**
     * Saves a changed account together with the events it recorded, atomically. Fails with
     * {@link EmailAlreadyTaken} when its new address belongs to another.
     */
    Mono<Void> update(User user);
}
