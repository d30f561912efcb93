package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.UserId;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps the {@link User} aggregate to the {@code users} table by hand; its events go to the outbox. */
@Repository
class R2dbcUsers implements Users {

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
        return database.sql("SELECT id, email, password_hash, created_at FROM users WHERE lower(email) = :email")
                .bind("email", email.canonical())
                .map(R2dbcUsers::toUser)
                .one();
    }

    @Override
    public Mono<User> withId(UserId id) {
        return database.sql("SELECT id, email, password_hash, created_at FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(R2dbcUsers::toUser)
                .one();
    }

    @Override
    public Mono<Void> update(User user) {
        return database.sql("UPDATE users SET email = :email, password_hash = :passwordHash WHERE id = :id")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash().value())
                .then()
                .onErrorMap(DuplicateKeyException.class, duplicate -> new EmailAlreadyTaken(user.email()));
    }

    private static User toUser(Readable row) {
        return User.restore(
                new UserId(row.get("id", UUID.class)),
                new EmailAddress(row.get("email", String.class)),
                new PasswordHash(row.get("password_hash", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
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
        Mono<Void> publishEvents =
                Flux.fromIterable(user.takeEvents()).concatMap(outbox::append).then();
        return insertUser
                .then(publishEvents)
                .as(transaction::transactional)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new EmailAlreadyTaken(user.email()));
    }
}
