package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Use case: someone opens an account with an email address and a password. */
public final class RegisterUser {

    public record Command(EmailAddress email, Password password) {}

    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public RegisterUser(Users users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Mono<UserId> handle(Command command) {
        // Checking first spares a bcrypt hash for an address that is taken; the unique index still decides races.
        return users.existsWithEmail(command.email())
                .flatMap(taken -> taken
                        ? Mono.<User>error(new EmailAlreadyTaken(command.email()))
                        : hasher.hash(command.password())
                                .map(hash -> User.register(UserId.newId(), command.email(), hash, clock.instant())))
                .flatMap(user -> users.add(user).thenReturn(user.id()));
    }
}
