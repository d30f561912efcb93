package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.DomainEvent;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The user repository as a map, with the unique-address rule the database enforces. */
final class InMemoryUsers implements Users {

    final Map<UserId, User> stored = new LinkedHashMap<>();
    final List<DomainEvent> events = new ArrayList<>();

    @Override
    public Mono<Boolean> existsWithEmail(EmailAddress email) {
        return withEmail(email).hasElement();
    }

    @Override
    public Mono<User> withEmail(EmailAddress email) {
        return Mono.justOrEmpty(stored.values().stream()
                        .filter(user -> user.email().sameAddressAs(email))
                        .findFirst())
                .map(InMemoryUsers::copy);
    }

    @Override
    public Mono<User> withId(UserId id) {
        return Mono.justOrEmpty(stored.get(id)).map(InMemoryUsers::copy);
    }

    @Override
    public Mono<User> lock(UserId id) {
        return withId(id); // one test thread: nothing to lock against
    }

    @Override
    public Mono<Void> add(User user) {
        return Mono.fromRunnable(() -> {
            refuseTakenAddress(user);
            stored.put(user.id(), user);
            events.addAll(user.takeEvents());
        });
    }

    @Override
    public Mono<Void> update(User user) {
        return Mono.fromRunnable(() -> {
            refuseTakenAddress(user);
            stored.put(user.id(), user);
            events.addAll(user.takeEvents());
        });
    }

    /** Like a database, hands out a copy: changing it changes nothing stored until it is saved. */
    private static User copy(User user) {
        return User.restore(
                user.id(),
                user.email(),
                user.passwordHash(),
                user.createdAt(),
                user.sessionsRevokedAt().orElse(null));
    }

    private void refuseTakenAddress(User user) {
        boolean taken = stored.values().stream()
                .anyMatch(
                        other -> !other.id().equals(user.id()) && other.email().sameAddressAs(user.email()));
        if (taken) {
            throw new EmailAlreadyTaken(user.email());
        }
    }
}
