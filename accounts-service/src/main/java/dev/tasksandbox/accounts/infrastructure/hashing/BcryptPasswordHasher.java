package dev.tasksandbox.accounts.infrastructure.hashing;

import dev.tasksandbox.accounts.application.PasswordHasher;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.infrastructure.tracing.ObservedSteps;
import io.micrometer.common.KeyValues;
import java.util.Objects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt off the event loop, on two schedulers of its own: a hash takes hundreds of milliseconds of CPU at
 * cost 12, which would stall every request sharing an event-loop thread.
 *
 * <p>Logins ({@link #matches}) get one thread per core; new hashes (registrations, password changes) get half
 * the cores, at least one. So a flood of registrations, which the gateway limits per address but not across
 * addresses, can never hold every core: logins always have cores the flood cannot take, and wait for the OS to
 * share the rest. More threads than cores would only queue in the OS instead of here; a full queue is refused
 * (a 503 with {@code Retry-After}) rather than waited on.
 */
@Component
class BcryptPasswordHasher implements PasswordHasher, DisposableBean {

    private static final int QUEUED_HASHES_PER_THREAD = 1_000;

    private final BCryptPasswordEncoder encoder;
    private final Scheduler verifying;
    private final Scheduler hashing;
    private final ObservedSteps steps;
    private final KeyValues costTag;

    BcryptPasswordHasher(@Value("${accounts.password.bcrypt-cost}") int cost, ObservedSteps steps) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.encoder = new BCryptPasswordEncoder(cost);
        this.steps = steps;
        this.costTag = KeyValues.of("bcrypt.cost", Integer.toString(cost));
        this.verifying = scheduler(cores, "bcrypt-login");
        this.hashing = scheduler(Math.max(1, cores / 2), "bcrypt-hash");
    }

    private static Scheduler scheduler(int threads, String name) {
        return Schedulers.newBoundedElastic(threads, threads * QUEUED_HASHES_PER_THREAD, name);
    }

    @Override
    public Mono<PasswordHash> hash(Password password) {
        // encode answers null only for a null password, which a Password never holds.
        return steps.observed(
                "accounts.password.hash",
                "bcrypt hash",
                costTag,
                step -> Mono.fromCallable(
                                () -> new PasswordHash(Objects.requireNonNull(encoder.encode(password.value()))))
                        .subscribeOn(hashing));
    }

    /** Its span includes the wait for a thread: a slow login shows whether it computed or queued. */
    @Override
    public Mono<Boolean> matches(Password password, PasswordHash hash) {
        return steps.observed(
                "accounts.password.verify",
                "bcrypt verify",
                costTag,
                step -> Mono.fromCallable(() -> encoder.matches(password.value(), hash.value()))
                        .subscribeOn(verifying));
    }

    @Override
    public void destroy() {
        verifying.dispose();
        hashing.dispose();
    }
}
