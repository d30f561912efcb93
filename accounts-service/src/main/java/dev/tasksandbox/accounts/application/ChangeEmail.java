package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import reactor.core.publisher.Mono;

/**
 * Use case: a user signs in with another address from now on. The same address is a no-op; one held by another
 * account is refused. Tokens already issued stay valid: they name the user by id, not by address.
 */
public final class ChangeEmail {

    public record Command(UserId user, EmailAddress email) {}

    private final Users users;
    private final Transactions transactions;

    public ChangeEmail(Users users, Transactions transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    /** The account is locked while it changes, so a log-out-everywhere at the same moment is not undone. */
    public Mono<Void> handle(Command command) {
        return transactions.inTransaction(users.lock(command.user())
                .switchIfEmpty(Mono.error(() -> new UserNotFound(command.user())))
                .flatMap(user -> user.changeEmail(command.email()) ? users.update(user) : Mono.empty()));
    }
}
