package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.AggregateRoot;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Objects;

/** A user account: who someone is to this system and how they prove it. */
public final class User extends AggregateRoot<UserId> {

    private final UserId id;
    private EmailAddress email;
    private final PasswordHash passwordHash;
    private final Instant createdAt;

    private User(UserId id, EmailAddress email, PasswordHash passwordHash, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Opens a new account; other contexts learn of it through the recorded {@link UserRegistered}. */
    public static User register(UserId id, EmailAddress email, PasswordHash passwordHash, Instant now) {
        User user = new User(id, email, passwordHash, now);
        user.record(UserRegistered.now(id, user.createdAt));
        return user;
    }

    /** Rebuilds an existing account from storage; records nothing. */
    public static User restore(UserId id, EmailAddress email, PasswordHash passwordHash, Instant createdAt) {
        return new User(id, email, passwordHash, createdAt);
    }

    /**
     * Changes the address the user signs in with. Returns false, changing nothing, when it is the same address
     * spelled the same way. Whether another account has it is for the repository to say.
     */
    public boolean changeEmail(EmailAddress newEmail) {
        if (email.equals(newEmail)) {
            return false;
        }
        email = newEmail;
        return true;
    }

    @Override
    public UserId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
