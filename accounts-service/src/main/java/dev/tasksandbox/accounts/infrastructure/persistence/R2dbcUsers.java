package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps the {@link User} aggregate to the {@code users} table by hand; its events go to the outbox. */
@Repository
class R2dbcUsers implements Users {

    private static final String SELECT_USER =
            "SELECT id, email, password_hash, created_at, sessions_revoked_at FROM users";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final Outbox outbox;

    R2dbcUsers(DatabaseClient database, TransactionalOperator transaction, Outbox outbox) {
        this.database = database;
        this.transaction = transaction;
        this.outbox = outbox;
    }

    @Override
    public Mono<Boolean> existsWithEmail(EmailAddress email) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = :email)")
                .bind("email", email.canonical())
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    @Override
    public Mono<User> withEmail(EmailAddress email) {
        return one("lower(email) = :key", email.canonical());
    }

    @Override
    public Mono<User> withId(UserId id) {
        return one("id = :key", id.value());
    }

    @Override
    public Mono<User> lock(UserId id) {
        return one("id = :key FOR UPDATE", id.value());
    }

    /** The account where {@code condition} holds for {@code key}; empty when there is none. */
    private Mono<User> one(String condition, Object key) {
        return database.sql(SELECT_USER + " WHERE " + condition)
                .bind("key", key)
                .map(R2dbcUsers::toUser)
                .one();
    }

    @Override
    public Mono<Void> update(User user) {
        GenericExecuteSpec update = database.sql("""
                        UPDATE users SET email = :email, password_hash = :passwordHash,
                                         sessions_revoked_at = :sessionsRevokedAt
                        WHERE id = :id""")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash().value());
        Mono<Void> updateUser = user.sessionsRevokedAt()
                .map(at -> update.bind("sessionsRevokedAt", at))
                .orElseGet(() -> update.bindNull("sessionsRevokedAt", Instant.class))
                .then();
        return updateUser
                .then(publishEventsOf(user))
                .as(transaction::transactional)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new EmailAlreadyTaken(user.email()));
    }

    private static User toUser(Readable row) {
        return User.restore(
                new UserId(row.get("id", UUID.class)),
                new EmailAddress(row.get("email", String.class)),
                new PasswordHash(row.get("password_hash", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                instantOrNull(row.get("sessions_revoked_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    @Override
    public Mono<Void> add(User user) {
        Mono<Void> insertUser = database.sql("""
                        INSERT INTO users (id, email, password_hash, created_at)
                        VALUES (:id, :email, :passwordHash, :createdAt)""")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash().value())
                .bind("createdAt", user.createdAt())
                .then();
        return insertUser
                .then(publishEventsOf(user))
                .as(transaction::transactional)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new EmailAlreadyTaken(user.email()));
    }

    /** Taken when subscribed, inside the transaction that saves the account. */
    private Mono<Void> publishEventsOf(User user) {
        return Flux.defer(() -> Flux.fromIterable(user.takeEvents()))
                .concatMap(outbox::append)
                .then();
    }
}
