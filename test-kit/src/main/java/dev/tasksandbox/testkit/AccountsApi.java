package dev.tasksandbox.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * What a client of the accounts API does, in the words of the API: against accounts-service itself or through
 * the gateway, whichever {@link WebTestClient} it is given. The methods that answer a {@code ResponseSpec} leave
 * the expectations to the test; the others expect success and return what a client would keep.
 */
public final class AccountsApi {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient http;

    public AccountsApi(WebTestClient http) {
        this.http = http;
    }

    /** A client of the server at {@code baseUrl}: a service's port, or the gateway's. */
    public static AccountsApi at(String baseUrl) {
        return new AccountsApi(WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(15))
                .filter(DocumentedResponses.ofTheApi())
                .build());
    }

    public WebTestClient.ResponseSpec register(String email, String password) {
        return http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    /** Registers and returns the new user's id; fails unless the answer is 201. */
    public String registered(String email, String password) {
        Map<String, Object> body = register(email, password)
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return member(body, "id");
    }

    /**
     * Registers as a client under load would: the new user's id, or empty when the answer was not 201 or there
     * was no answer at all (the service may be down, or slower than the response timeout).
     */
    public Optional<String> tryRegister(String email, String password) {
        return Optional.ofNullable(attemptRegistration(email, password).id());
    }

    /** What a client under load got for a registration: the new user's id, or what it got instead. */
    public record Registration(@Nullable String id, String outcome) {}

    /** As {@link #tryRegister}, saying what came instead of a 201: the status, or the exception when no answer came. */
    public Registration attemptRegistration(String email, String password) {
        try {
            EntityExchangeResult<Map<String, Object>> answer =
                    register(email, password).expectBody(JSON).returnResult();
            Map<String, Object> body = answer.getResponseBody();
            return answer.getStatus().value() == 201 && body != null
                    ? new Registration(member(body, "id"), "201")
                    : new Registration(null, answer.getStatus().toString());
        } catch (RuntimeException noAnswer) {
            return new Registration(null, noAnswer.toString());
        }
    }

    public WebTestClient.ResponseSpec logIn(String username, String password) {
        return http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("username", username)
                        .with("password", password)
                        .with("grant_type", "password"))
                .exchange();
    }

    /** The token answer of a successful login: {@code access_token}, {@code refresh_token} and the rest. */
    public Map<String, Object> tokensFor(String username, String password) {
        return Objects.requireNonNull(logIn(username, password)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody());
    }

    public String accessToken(String username, String password) {
        return member(tokensFor(username, password), "access_token");
    }

    public WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
                .uri("/api/users/login")
                .body(BodyInserters.fromFormData("grant_type", "refresh_token").with("refresh_token", refreshToken))
                .exchange();
    }

    public WebTestClient.ResponseSpec logOut(String refreshToken) {
        return http.post()
                .uri("/api/users/logout")
                .body(BodyInserters.fromFormData("refresh_token", refreshToken))
                .exchange();
    }

    /** DELETE /api/users/me/sessions: every session of the token's user ends. */
    public WebTestClient.ResponseSpec logOutEverywhere(String accessToken) {
        return http.delete()
                .uri("/api/users/me/sessions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    public WebTestClient.ResponseSpec me(String accessToken) {
        return http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    /** The id of the user a token speaks for, as the profile says. */
    public String userIdOf(String accessToken) {
        return member(
                me(accessToken)
                        .expectStatus()
                        .isOk()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody(),
                "id");
    }

    public WebTestClient.ResponseSpec changeEmail(String accessToken, String email) {
        return http.put()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email))
                .exchange();
    }

    /** A member of a JSON answer, as text; fails the test when the answer lacks it. */
    public static String member(@Nullable Map<String, Object> body, String name) {
        Object value = body == null ? null : body.get(name);
        if (value == null) {
            throw new AssertionError("The answer has no " + name + ": " + body);
        }
        return value.toString();
    }

    /** Where a 303 or 201 points to. */
    public static String location(WebTestClient.ResponseSpec answer) {
        URI location = answer.returnResult(Void.class).getResponseHeaders().getLocation();
        return Objects.requireNonNull(location, "no Location header").toString();
    }
}
