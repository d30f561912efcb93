package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;

/** A transparent stand-in for bcrypt that counts how often it is asked to work, and can be made to refuse. */
final class PrefixHasher implements PasswordHasher {

    int hashes;
    int verifications;
    /** How many of the next hashes to refuse, as bcrypt's full queue refuses them. */
    int hashesToRefuse;

    @Override
    public Mono<PasswordHash> hash(Password password) {
        return Mono.fromSupplier(() -> {
            if (hashesToRefuse > 0) {
                hashesToRefuse--;
                throw new RejectedExecutionException("hashing queue full");
            }
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
