package dev.tasksandbox.accounts.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class RefreshTokenRetentionIT extends AccountsServiceIT {

    private static final String PASSWORD = "correct horse";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Autowired
    RefreshTokenRetention retention;

    @Test
    void families_that_can_no_longer_be_traded_go_with_their_tokens_and_living_ones_keep_their_spent_tokens() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        accounts.registered(email, PASSWORD);
        UUID live = familyOf(refreshTokenOf(accounts, email));
        String rotatedAway = refreshTokenOf(accounts, email);
        accounts.refresh(rotatedAway).expectStatus().isOk();
        UUID rotated = familyOf(rotatedAway);
        String loggedOut = refreshTokenOf(accounts, email);
        accounts.logOut(loggedOut).expectStatus().isNoContent();
        UUID revoked = familyOf(loggedOut);
        UUID ended = familyOf(refreshTokenOf(accounts, email));
        update("UPDATE refresh_token_families SET expires_at = now() - interval '1 second' WHERE id = :id", ended);
        UUID tokenExpired = familyOf(refreshTokenOf(accounts, email));
        update(
                "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE family_id = :id",
                tokenExpired);

        long deleted = retention.forgetFamiliesDeadAt(Instant.now()).block();

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        assertThat(tokensOf(revoked)).isZero();
        assertThat(tokensOf(ended)).isZero();
        assertThat(tokensOf(tokenExpired)).isZero();
        assertThat(tokensOf(live)).isEqualTo(1);
        assertThat(tokensOf(rotated))
                .as("the spent token stays, for reuse detection")
                .isEqualTo(2);
        accounts.refresh(rotatedAway).expectStatus().isUnauthorized();
        assertThat(revokedAt(rotated)).as("its reuse still revokes the family").isNotNull();
    }

    private static String refreshTokenOf(AccountsApi accounts, String email) {
        return accounts.tokensFor(email, PASSWORD).get("refresh_token").toString();
    }

    private UUID familyOf(String refreshToken) {
        return database.sql("SELECT family_id FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", sha256(refreshToken))
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    private void update(String statement, UUID family) {
        database.sql(statement).bind("id", family).then().block();
    }

    private long tokensOf(UUID family) {
        return database.sql("SELECT count(*) FROM refresh_tokens WHERE family_id = :id")
                .bind("id", family)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private Instant revokedAt(UUID family) {
        return database.sql("SELECT revoked_at FROM refresh_token_families WHERE id = :id")
                .bind("id", family)
                .map(row -> row.get(0, java.time.OffsetDateTime.class).toInstant())
                .one()
                .block();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
