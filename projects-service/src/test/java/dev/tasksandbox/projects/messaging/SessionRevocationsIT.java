package dev.tasksandbox.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.projects.ProjectsServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Log-out-everywhere as projects-service sees it: a {@code UserSessionsRevoked} event on the real topic, tokens
 * signed as accounts signs them, and what a client then gets from the API.
 */
class SessionRevocationsIT extends ProjectsServiceIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Test
    void tokens_issued_before_the_revocation_are_refused_and_one_issued_a_microsecond_after_it_is_not() {
        UUID user = UUID.randomUUID();
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String earlier = accessToken(user.toString(), revokedAt.minusMillis(1));
        String atTheMoment = accessToken(user.toString(), revokedAt);
        String later = accessToken(user.toString(), revokedAt.plus(1, ChronoUnit.MICROS));
        assertThat(status(earlier)).isEqualTo(200);

        EventsTopic.publish(new UserSessionsRevoked(UUID.randomUUID(), user, revokedAt));

        await().atMost(BOUND).until(() -> status(earlier) == 401);
        assertRefusedAsInvalid(atTheMoment);
        assertThat(status(later)).isEqualTo(200);
        assertThat(status(accessToken(UUID.randomUUID().toString())))
                .as("another user")
                .isEqualTo(200);
    }

    @Test
    void an_account_created_then_logged_out_everywhere_has_its_project_and_its_old_tokens_refused_in_that_order() {
        UUID user = UUID.randomUUID();
        Instant registeredAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        Instant revokedAt = registeredAt.plusSeconds(30);
        String beforeRevocation = accessToken(user.toString(), revokedAt.minusMillis(5));
        UserSessionsRevoked revocation = new UserSessionsRevoked(UUID.randomUUID(), user, revokedAt);

        EventsTopic.publish(new UserAccountCreated(UUID.randomUUID(), user, registeredAt));
        EventsTopic.publish(revocation);
        EventsTopic.publish(revocation); // delivered twice, as at-least-once allows

        await().atMost(BOUND).until(() -> status(beforeRevocation) == 401);
        assertThat(effects().exampleProjectsOf(user)).isEqualTo(1);
        String afterwards = accessToken(user.toString(), revokedAt.plusMillis(1));
        http.get()
                .uri("/api/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + afterwards)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.projects[0].name")
                .isEqualTo("My first project");
        await().atMost(BOUND).until(() -> effects().timesProcessed(revocation.eventId()) == 1);
    }

    @Test
    void an_older_revocation_delivered_late_does_not_shorten_a_later_one() {
        UUID user = UUID.randomUUID();
        Instant later = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UserSessionsRevoked older = new UserSessionsRevoked(UUID.randomUUID(), user, later.minusSeconds(10));
        String inBetween = accessToken(user.toString(), later.minusSeconds(5));

        EventsTopic.publish(new UserSessionsRevoked(UUID.randomUUID(), user, later));
        EventsTopic.publish(older);

        await().atMost(BOUND).until(() -> effects().timesProcessed(older.eventId()) == 1);
        assertThat(storedRevocationOf(user)).isEqualTo(later);
        assertThat(status(inBetween)).isEqualTo(401);
    }

    /** Another instance consumed the event: its write is announced to this one, which refuses the token too. */
    @Test
    void a_revocation_recorded_by_another_instance_is_known_here() {
        UUID user = UUID.randomUUID();
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = accessToken(user.toString(), revokedAt.minusMillis(1));

        recordDirectly(user, revokedAt);

        await().atMost(BOUND).until(() -> status(token) == 401);
    }

    /** The listening connection dies (a failover, an operator): what was written meanwhile is read on return. */
    @Test
    void revocations_written_while_the_feed_was_disconnected_are_read_when_it_reconnects() {
        Long terminated =
                database.sql("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND query LIKE '%FROM session_revocations WHERE revoked_at >%'""").map(row -> row.get(0, Long.class)).one().block();
        assertThat(terminated).as("listening connections terminated").isPositive();
        UUID user = UUID.randomUUID();
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = accessToken(user.toString(), revokedAt.minusMillis(1));

        recordDirectly(user, revokedAt);

        await().atMost(BOUND).until(() -> status(token) == 401);
    }

    private int status(String token) {
        return http.get()
                .uri("/api/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private void assertRefusedAsInvalid(String token) {
        http.get()
                .uri("/api/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
    }

    private void recordDirectly(UUID user, Instant revokedAt) {
        database.sql("INSERT INTO session_revocations (user_id, revoked_at) VALUES (:user, :at)")
                .bind("user", user)
                .bind("at", revokedAt)
                .then()
                .block();
    }

    private EventEffects effects() {
        return new EventEffects(database);
    }

    private Instant storedRevocationOf(UUID user) {
        return database.sql("SELECT revoked_at FROM session_revocations WHERE user_id = :user")
                .bind("user", user)
                .map(row -> row.get(0, OffsetDateTime.class).toInstant())
                .one()
                .blockOptional()
                .orElseThrow();
    }
}
