package dev.tasksandbox.accounts.infrastructure.persistence;

import dev.tasksandbox.accounts.application.RefreshTokens;
import dev.tasksandbox.accounts.domain.RefreshToken;
import dev.tasksandbox.kernel.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens are 256 random bits, shown once in base64url and stored as their SHA-256: a fast hash is enough
 * for a secret that cannot be guessed, and a leaked table gives nothing that can be presented.
 */
@Component
class R2dbcRefreshTokens implements RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final DatabaseClient database;
    private final SecureRandom random = new SecureRandom();

    R2dbcRefreshTokens(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<String> issue(UserId user, UUID family, Instant familyExpiresAt, Instant expiresAt) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // One statement: the family row when this token starts one, and the token (its key checked at the end).
        return database.sql("""
                        WITH family AS (
                            INSERT INTO refresh_token_families (id, user_id, expires_at)
                            VALUES (:family, :user, :familyExpiresAt)
                            ON CONFLICT (id) DO NOTHING)
                        INSERT INTO refresh_tokens (token_hash, family_id, expires_at)
                        VALUES (:hash, :family, :expiresAt)""")
                .bind("family", family)
                .bind("user", user.value())
                .bind("familyExpiresAt", familyExpiresAt)
                .bind("hash", hash(token))
                .bind("expiresAt", expiresAt)
                .then()
                .thenReturn(token);
    }

    @Override
    public Mono<RefreshToken> lock(String token) {
        return database.sql("""
                        SELECT t.token_hash, t.family_id, f.user_id, t.expires_at, f.expires_at AS family_expires_at,
                            t.spent_at, f.revoked_at
                        FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id
                        WHERE t.token_hash = :hash
                        FOR UPDATE OF t, f""")
                .bind("hash", hash(token))
                .map(row -> new RefreshToken(
                        row.get("token_hash", String.class),
                        row.get("family_id", UUID.class),
                        new UserId(row.get("user_id", UUID.class)),
                        row.get("expires_at", OffsetDateTime.class).toInstant(),
                        row.get("family_expires_at", OffsetDateTime.class).toInstant(),
                        row.get("spent_at", OffsetDateTime.class) != null,
                        row.get("revoked_at", OffsetDateTime.class) != null))
                .one();
    }

    @Override
    public Mono<Void> spend(RefreshToken token, Instant at) {
        return database.sql("UPDATE refresh_tokens SET spent_at = :at WHERE token_hash = :hash")
                .bind("at", at)
                .bind("hash", token.id())
                .then();
    }

    @Override
    public Mono<Void> revokeFamily(UUID family, Instant at) {
        return database.sql(
                        "UPDATE refresh_token_families SET revoked_at = :at WHERE id = :family AND revoked_at IS NULL")
                .bind("at", at)
                .bind("family", family)
                .then();
    }

    @Override
    public Mono<Void> revokeFamiliesOf(UserId user, Instant at) {
        // Spent and expired families too: revoked_at is what every check reads, whatever else holds.
        return database.sql("""
                        UPDATE refresh_token_families SET revoked_at = :at
                        WHERE user_id = :user AND revoked_at IS NULL""").bind("at", at).bind("user", user.value()).then();
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
