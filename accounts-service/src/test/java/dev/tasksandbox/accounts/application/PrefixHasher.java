package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import reactor.core.publisher.Mono;

/** A transparent stand-in for bcrypt that counts how often it is asked to work. */
final class PrefixHasher implements PasswordHasher {

    int hashes;
    int verifications;

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.fromSupplier(() -> {
            hashes++;
            return new PasswordHash("hashed:" + password.value());
        });
    }

    @Override
    public Mono<Boolean> matches(Password password, PasswordHash hash) {
        return Mono.fromSupplier(() -> {
            verifications++;
            return hash.value().equals("hashed:" + password.value());
        });
    }
}
