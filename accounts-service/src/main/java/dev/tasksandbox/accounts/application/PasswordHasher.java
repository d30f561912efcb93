package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import reactor.core.publisher.Mono;

/** One-way hashing of passwords. Deliberately slow, so implementations keep it off the event loop. */
public interface PasswordHasher {

    Mono<PasswordHash> hash(Password password);

    Mono<Boolean> matches(Password password, PasswordHash hash);
}
