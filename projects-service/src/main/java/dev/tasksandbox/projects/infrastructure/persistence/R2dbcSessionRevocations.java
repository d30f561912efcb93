package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.SessionRevocations;
import dev.tasksandbox.projects.application.Write;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code session_revocations} table: an upsert that only ever moves a user's revocation later, so a late or
 * replayed older event cannot shorten a later log-out. Its trigger announces each row it writes to every
 * instance (see RevocationFeed).
 */
@Repository
class R2dbcSessionRevocations implements SessionRevocations {

    private final DatabaseClient database;

    R2dbcSessionRevocations(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Write recording(UserId user, Instant revokedAt) {
        return new SqlWrite(guard -> database.sql("WITH " + guard.ctes() + """
                                revocation AS (
                                    INSERT INTO session_revocations (user_id, revoked_at)
                                    SELECT :user, :revokedAt WHERE %s
                                    ON CONFLICT (user_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at
                                    WHERE session_revocations.revoked_at < EXCLUDED.revoked_at
                                    RETURNING user_id)
                                SELECT count(*) AS written FROM revocation""".formatted(guard.condition()))
                .bind("user", user.value())
                .bind("revokedAt", revokedAt));
    }
}
