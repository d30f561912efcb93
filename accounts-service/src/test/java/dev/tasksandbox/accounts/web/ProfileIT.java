package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProfileIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    private AccountsApi client() {
        return new AccountsApi(http);
    }

    @Test
    void the_profile_needs_a_token() {
        http.get()
                .uri("/api/users/me")
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
    void after_a_change_of_email_the_new_one_signs_in_the_old_one_does_not_and_old_tokens_still_work() {
        String oldEmail = uniqueEmail();
        String newEmail = uniqueEmail();
        client().registered(oldEmail, "correct horse");
        String token = client().tokensFor(oldEmail, "correct horse")
                .get("access_token")
                .toString();

        client().changeEmail(token, newEmail)
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/api/users/me")
                .expectBody()
                .isEmpty();

        client().logIn(newEmail, "correct horse").expectStatus().isOk();
        client().logIn(oldEmail, "correct horse").expectStatus().isUnauthorized();
        client().me(token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(newEmail);
    }

    @Test
    void the_same_email_is_a_no_op_answered_like_a_change() {
        String email = uniqueEmail();
        client().registered(email, "correct horse");
        String token =
                client().tokensFor(email, "correct horse").get("access_token").toString();

        client().changeEmail(token, email)
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/api/users/me");

        client().me(token).expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @Test
    void an_email_taken_by_another_account_in_any_case_is_a_409() {
        String taken = uniqueEmail();
        client().registered(taken, "correct horse");
        String email = uniqueEmail();
        client().registered(email, "correct horse");
        String token =
                client().tokensFor(email, "correct horse").get("access_token").toString();

        client().changeEmail(token, taken.toUpperCase(Locale.ROOT))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client().me(token).expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @Test
    void an_invalid_email_is_a_422_and_changes_nothing() {
        String email = uniqueEmail();
        client().registered(email, "correct horse");
        String token =
                client().tokensFor(email, "correct horse").get("access_token").toString();

        client().changeEmail(token, "not an address")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");

        client().me(token).expectBody().jsonPath("$.email").isEqualTo(email);
    }
}
