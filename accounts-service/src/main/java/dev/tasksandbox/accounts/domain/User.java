package dev.tasksandbox.accounts.domain;

import dev.tasksandbox.kernel.AggregateRoot;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user account: who someone is to this system and how they prove it. */
public final class User extends AggregateRoot<UserId> {

    private final UserId id;
    private EmailAddress email;
    private final PasswordHash passwordHash;
    private final Instant createdAt;
    private @Nullable Instant sessionsRevokedAt;

    private User(
            UserId id,
            EmailAddress email,
            PasswordHash passwordHash,
            Instant createdAt,
            @Nullable Instant sessionsRevokedAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.sessionsRevokedAt = sessionsRevokedAt;
    }

    /** Opens a new account; other contexts learn of it through the recorded {@link UserRegistered}. */
    public static User register(UserId id, EmailAddress email, PasswordHash passwordHash, Instant now) {
        User user = new User(id, email, passwordHash, now, null);
        user.record(UserRegistered.now(id, user.createdAt));
        return user;
    }

    /** Rebuilds an existing account from storage; records nothing. */
    public static User restore(
            UserId id,
            EmailAddress email,
            PasswordHash passwordHash,
            Instant createdAt,
            @Nullable Instant sessionsRevokedAt) {
        return new User(id, email, passwordHash, createdAt, sessionsRevokedAt);
    }

    /**
     * Logs the user out everywhere: every access token issued to them until {@code now} is void from now on, here
     * and, through the recorded {@link SessionsRevoked}, in every other context. Kept to the microsecond (what
     * the database and the tokens' issue-time claim hold), so a token issued a moment later stays good.
     */
    public void revokeSessions(Instant now) {
        Instant revokedAt = now.truncatedTo(ChronoUnit.MICROS);
        sessionsRevokedAt = revokedAt;
        record(new SessionsRevoked(UUID.randomUUID(), id, revokedAt));
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

    /** When the user last logged out everywhere; empty when they never did. */
    public Optional<Instant> sessionsRevokedAt() {
        return Optional.ofNullable(sessionsRevokedAt);
    }
}
