package dev.tasksandbox.projects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.projects.TestJwks;
import dev.tasksandbox.testkit.TokenAttacks;
import dev.tasksandbox.testkit.TokenForge;
import io.micrometer.context.ContextRegistry;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * projects-service as a resource server: tokens are checked against accounts' published keys (here a stand-in
 * served over HTTP), and every failure is a problem detail, never a 500.
 */
class AccessTokenIT extends ProjectsServiceIT {

    private static final Duration KEY_CHANGE_BOUND = Duration.ofSeconds(10);
    private final String user = UUID.randomUUID().toString();

    @Autowired
    WebTestClient http;

    /** Puts the usual key back, and waits until the service's key cache has caught up, for the next test. */
    @AfterEach
    void restoreKeys() {
        JWKS.failing(false);
        JWKS.publish(SIGNING_KEYS);
        await().atMost(KEY_CHANGE_BOUND).until(() -> statusWith(accessToken(user)) != HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_request_without_a_token_is_a_401_saying_bearer() {
        http.get()
                .uri("/api/projects")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("An access token is required");
    }

    @Test
    void a_valid_token_passes_the_security_check() {
        assertThat(statusWith(accessToken(user)))
                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.SERVICE_UNAVAILABLE)
                .isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * Security's thread-locals are left out of Reactor's restores (web-support's SecurityThreadLocals); every test
     * here and in ProjectsApiIT checks tokens without them.
     */
    @Test
    void the_running_service_propagates_none_of_securitys_thread_locals() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .noneMatch(accessor -> accessor.getClass().getName().startsWith("org.springframework.security."));
    }

    @Test
    void every_tampered_token_is_a_401_problem() {
        for (TokenAttacks.Attack attack :
                TokenAttacks.every(TestJwks.keyId(SIGNING_KEYS), SIGNING_KEYS, user, ISSUER, AUDIENCE)) {
            http.get()
                    .uri("/api/projects")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + attack.token())
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).as(attack.flaw()).isEqualTo(401))
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void a_bearer_header_without_a_well_formed_token_is_a_401_saying_invalid_token() {
        for (String header : List.of("Bearer", "Bearer  two.spaces", "Bearer a=b", "bearer with,comma")) {
            http.get()
                    .uri("/api/projects")
                    .header(HttpHeaders.AUTHORIZATION, header)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).as(header).isEqualTo(401))
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The access token is invalid or expired");
        }
    }

    @Test
    void tokens_of_a_newly_published_key_work_without_a_restart_and_a_removed_key_stops_working() {
        KeyPair newKeys = RsaKeyFiles.generate();
        String newToken = TokenForge.valid(TestJwks.keyId(newKeys), user, ISSUER, AUDIENCE)
                .signedWith(newKeys.getPrivate());
        String oldToken = accessToken(user);
        assertThat(statusWith(newToken)).isEqualTo(HttpStatus.UNAUTHORIZED);

        JWKS.publish(newKeys, SIGNING_KEYS);
        await().atMost(KEY_CHANGE_BOUND).until(() -> statusWith(newToken) != HttpStatus.UNAUTHORIZED);
        assertThat(statusWith(oldToken)).isNotEqualTo(HttpStatus.UNAUTHORIZED);

        JWKS.publish(newKeys);
        await().atMost(KEY_CHANGE_BOUND).until(() -> statusWith(oldToken) == HttpStatus.UNAUTHORIZED);
        assertThat(statusWith(newToken)).isNotEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void when_the_keys_cannot_be_fetched_a_token_is_answered_503_not_500() {
        KeyPair unknownYet = RsaKeyFiles.generate();
        String token = TokenForge.valid(TestJwks.keyId(unknownYet), user, ISSUER, AUDIENCE)
                .signedWith(unknownYet.getPrivate());
        JWKS.failing(true);

        await().atMost(KEY_CHANGE_BOUND)
                .untilAsserted(() -> http.get()
                        .uri("/api/projects")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .exists(HttpHeaders.RETRY_AFTER)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.detail")
                        .isEqualTo("Access tokens cannot be checked right now"));
    }

    private HttpStatus statusWith(String token) {
        return HttpStatus.valueOf(http.get()
                .uri("/api/projects")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value());
    }
}
