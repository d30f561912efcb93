package dev.tasksandbox.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class LoginIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    private AccountsApi client() {
        return new AccountsApi(http);
    }

    @Test
    void the_password_grant_answers_a_bearer_token_pair_that_must_not_be_cached() {
        String email = uniqueEmail();
        String id = client().registered(email, "correct horse");

        Map<String, Object> tokens = client().logIn(email, "correct horse")
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(tokens)
                .containsKeys("access_token", "refresh_token")
                .containsEntry("token_type", "bearer")
                .containsEntry("expires_in", 900);
        client().me(tokens.get("access_token").toString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.email")
                .isEqualTo(email);
    }

    @Test
    void grant_type_may_be_left_out_as_the_sandbox_clients_do() {
        String email = uniqueEmail();
        client().registered(email, "correct horse");

        http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("username", email).with("password", "correct horse"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_the_same_answer_in_comparable_time() {
        String email = uniqueEmail();
        client().registered(email, "correct horse");
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        byte[] wrongPasswordBody = null;
        byte[] unknownEmailBody = null;

        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            wrongPasswordBody = client().logIn(email, "wrong horse")
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            wrongPassword.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknownEmailBody = client().logIn(uniqueEmail(), "wrong horse")
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            unknownEmail.add(System.nanoTime() - start);
        }

        assertThat(new String(unknownEmailBody, StandardCharsets.UTF_8))
                .isEqualTo(new String(wrongPasswordBody, StandardCharsets.UTF_8))
                .contains("\"detail\":\"Invalid email or password\"");
        double wrongMedian = median(wrongPassword);
        double unknownMedian = median(unknownEmail);
        System.out.printf(
                "BENCHMARK login refused at bcrypt cost 10, median of 15: wrong password %.1f ms, "
                        + "unknown email %.1f ms%n",
                wrongMedian, unknownMedian);
        // Without the dummy hash an unknown email would answer in a fraction of the time of a bcrypt check.
        assertThat(unknownMedian).isBetween(wrongMedian / 2, wrongMedian * 2);
    }

    @Test
    void a_form_without_a_password_is_a_422_naming_it() {
        http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("username", "ada@example.com"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON) // RFC 6749 section 5.2
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password")
                .jsonPath("$.error")
                .isEqualTo("invalid_request");
    }

    @Test
    void an_unsupported_grant_type_is_a_422() {
        http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("grant_type")
                .jsonPath("$.error")
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void a_json_body_is_a_415_not_a_500() {
        http.post()
                .uri("/api/users/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "ada@example.com", "password", "correct horse"))
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refreshing_rotates_the_pair_and_reusing_a_spent_token_revokes_the_family() {
        String email = uniqueEmail();
        client().registered(email, "correct horse");
        Map<String, Object> first = client().tokensFor(email, "correct horse");

        Map<String, Object> second = client().refresh(first.get("refresh_token").toString())
                .expectStatus()
                .isOk()
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody();
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        client().me(second.get("access_token").toString()).expectStatus().isOk();

        client().refresh(first.get("refresh_token").toString())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("already used"));
        client().refresh(second.get("refresh_token").toString()).expectStatus().isUnauthorized();
    }

    @Test
    void a_stale_bearer_token_sent_along_does_not_block_logging_in_refreshing_or_registering() {
        String email = uniqueEmail();
        http.post()
                .uri("/api/users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "correct horse"))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> tokens = http.post()
                .uri("/api/users/login")
                .header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .body(BodyInserters.fromFormData("username", email).with("password", "correct horse"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody();

        http.post()
                .uri("/api/users/login")
                .header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .body(BodyInserters.fromFormData("grant_type", "refresh_token")
                        .with("refresh_token", tokens.get("refresh_token").toString()))
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/.well-known/jwks.json")
                .header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void a_form_with_a_broken_percent_escape_is_a_422_not_a_500() {
        http.post()
                .uri("/api/users/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&refresh_token=abc%zz")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("form");
    }

    @Test
    void an_unknown_refresh_token_is_a_401() {
        client().refresh("bm90LWEtcmVhbC10b2tlbg")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown refresh token");
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
