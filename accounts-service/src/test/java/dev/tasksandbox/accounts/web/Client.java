package dev.tasksandbox.accounts.web;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** What a client of the accounts API does, in the words of the API. */
final class Client {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient http;

    Client(WebTestClient http) {
        this.http = http;
    }

    String register(String email, String password) {
        Map<String, Object> body = http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return body.get("id").toString();
    }

    WebTestClient.ResponseSpec logIn(String username, String password) {
        return http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("username", username)
                        .with("password", password)
                        .with("grant_type", "password"))
                .exchange();
    }

    Map<String, Object> tokensFor(String username, String password) {
        return logIn(username, password)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("grant_type", "refresh_token").with("refresh_token", refreshToken))
                .exchange();
    }

    WebTestClient.ResponseSpec me(String accessToken) {
        return http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    WebTestClient.ResponseSpec changeEmail(String accessToken, String email) {
        return http.put()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email))
                .exchange();
    }
}
