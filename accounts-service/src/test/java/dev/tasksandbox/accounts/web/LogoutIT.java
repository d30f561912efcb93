package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class LogoutIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    @Test
    void after_logging_out_the_refresh_token_and_its_successors_are_refused() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        accounts.registered(email, "correct horse");
        String first =
                accounts.tokensFor(email, "correct horse").get("refresh_token").toString();
        String rotated = AccountsApi.member(
                accounts.refresh(first)
                        .expectStatus()
                        .isOk()
                        .expectBody(AccountsApi.JSON)
                        .returnResult()
                        .getResponseBody(),
                "refresh_token");

        logout(first).expectStatus().isNoContent().expectBody().isEmpty();

        accounts.refresh(rotated).expectStatus().isUnauthorized();
    }

    @Test
    void an_unknown_or_spent_token_is_logged_out_alike_so_the_answer_tells_nothing() {
        logout("not-a-token-anyone-was-given").expectStatus().isNoContent();
        logout("not-a-token-anyone-was-given").expectStatus().isNoContent();
    }

    @Test
    void a_form_without_a_refresh_token_is_a_422_that_changes_nothing() {
        http.post()
                .uri("/api/users/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("something", "else"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_broken_form_is_a_422() {
        http.post()
                .uri("/api/users/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("refresh_token=%zz")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    private WebTestClient.ResponseSpec logout(String refreshToken) {
        return new AccountsApi(http).logOut(refreshToken);
    }
}
