package dev.tasksandbox.accounts.infrastructure.hashing;

import dev.tasksandbox.accounts.application.PasswordHasher;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import java.util.Objects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt on a scheduler of its own, one thread per core: a hash takes hundreds of milliseconds of CPU at
 * cost 12, which would stall every request sharing an event-loop thread. More threads than cores would only
 * queue in the OS instead of here.
 */
@Component
class BcryptPasswordHasher implements PasswordHasher, DisposableBean {

    private static final int QUEUED_HASHES_PER_THREAD = 1_000;

    private final BCryptPasswordEncoder encoder;
    private final Scheduler hashing;

    BcryptPasswordHasher(@Value("${accounts.password.bcrypt-cost}") int cost) {
        int threads = Runtime.getRuntime().availableProcessors();
        this.encoder = new BCryptPasswordEncoder(cost);
        this.hashing = Schedulers.newBoundedElastic(threads, threads * QUEUED_HASHES_PER_THREAD, "bcrypt");
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        // encode answers null only for a null password, which a Password never holds.
        return Mono.fromCallable(() -> new PasswordHash(Objects.requireNonNull(encoder.encode(password.value()))))
                .subscribeOn(hashing);
    }

    @Override
    public Mono<Boolean> matches(Password password, PasswordHash hash) {
        return Mono.fromCallable(() -> encoder.matches(password.value(), hash.value()))
                .subscribeOn(hashing);
    }

    @Override
    public void destroy() {
        hashing.dispose();
    }
}
