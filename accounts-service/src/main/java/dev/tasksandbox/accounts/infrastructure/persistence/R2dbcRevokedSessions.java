package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.web.RevokedSessions;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * accounts reads the moment of revocation from the account itself on every request that carries a token: a
 * primary-key lookup, exact at once and on every instance. Its token-carrying requests are few (the profile, a
 * change of email, logging out everywhere); projects-service, which serves the reads, keeps it in memory.
 */
@Component
class R2dbcRevokedSessions implements RevokedSessions {

    private final DatabaseClient database;

    R2dbcRevokedSessions(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Instant> revokedAt(UserId user) {
        return database.sql("SELECT sessions_revoked_at FROM users WHERE id = :id AND sessions_revoked_at IS NOT NULL")
                .bind("id", user.value())
                .map(row -> row.get("sessions_revoked_at", OffsetDateTime.class).toInstant())
                .one();
    }
}
