package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.InvalidCredentials;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.InvalidValueException;
import dev.tasksandbox.kernel.UserId;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Use case: someone signs in with email and password (the OAuth2 password grant). Whatever is wrong, the answer
 * is the same {@link InvalidCredentials}, after the same work: an unknown address is checked against a dummy
 * hash, so the response time does not tell which addresses have accounts.
 */
public final class LogIn {

    public record Command(String email, String password) {}

    private final Users users;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final Mono<PasswordHash> dummyHash;

    /** What {@link Mono#cache()} itself uses for "never expires". */
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    /** Stands in for a password that breaks the rules: it cannot match, but costs a hash like any other. */
    private static final Password UNUSABLE = new Password("-".repeat(Password.MIN_BYTES));

    public LogIn(Users users, PasswordHasher hasher, Sessions sessions) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        // Computed once, but a failure (a full hashing queue) is not kept: a cached failure would answer every
        // later unknown address with a 503 while known ones got 401, telling which addresses have accounts.
        this.dummyHash = hasher.hash(new Password("not the password of anyone"))
                .cache(hash -> FOREVER, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<TokenPair> handle(Command command) {
        Password password;
        EmailAddress email;
        try {
            password = new Password(command.password());
            email = new EmailAddress(command.email());
        } catch (InvalidValueException cannotBeRight) {
            return verifyAgainstDummy(UNUSABLE).then(Mono.error(new InvalidCredentials()));
        }
        return users.withEmail(email)
                .flatMap(user -> hasher.matches(password, user.passwordHash())
                        .map(matches -> matches ? Optional.of(user.id()) : Optional.<UserId>empty()))
                .switchIfEmpty(Mono.defer(() -> verifyAgainstDummy(password).thenReturn(Optional.empty())))
                .flatMap(user -> user.map(sessions::start).orElseGet(() -> Mono.error(new InvalidCredentials())));
    }

    private Mono<Boolean> verifyAgainstDummy(Password password) {
        return dummyHash.flatMap(hash -> hasher.matches(password, hash));
    }
}
