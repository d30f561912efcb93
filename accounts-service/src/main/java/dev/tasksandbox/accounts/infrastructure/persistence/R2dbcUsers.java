package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.kernel.EmailAddress;
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
    public Mono<Void> add(User user) {
        Mono<Void> insertUser = database.sql("""
                        INSERT INTO users (id, email, password_hash, created_at)
                        VALUES (:id, :email, :passwordHash, :createdAt)""")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash().value())
                .bind("createdAt", user.createdAt())
                .then();
        Mono<Void> publishEvents = Flux.fromIterable(user.takeEvents()).concatMap(outbox::append).then();
        return insertUser.then(publishEvents)
                .as(transaction::transactional)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new EmailAlreadyTaken(user.email()));
    }
}
