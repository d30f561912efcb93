package dev.tasksandbox.systemtests;

import dev.tasksandbox.testkit.DocumentedResponses;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the public API, as an application would use it: JSON in and out, a bearer token when it has one.
 * Every answer is held to the published OpenAPI documents ({@link DocumentedResponses}).
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedResponses DOCUMENTED = DocumentedResponses.ofTheApi();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final String token;

    Api(String baseUrl) {
        this(baseUrl, null);
    }

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Api withToken(String accessToken) {
        return new Api(baseUrl, accessToken);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer form(String path, String urlEncodedForm) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedForm)));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            DOCUMENTED.check(
                    sent.method(),
                    sent.uri().getPath(),
                    response.statusCode(),
                    response.headers().map(),
                    response.body());
            return new Answer(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** One answer: status, headers and the body, as JSON when it is JSON. */
    record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return status() + " " + response.headers().map() + " " + body();
        }
    }

    /** A user registered just now, and an access token of theirs. */
    record User(String id, String email, String accessToken) {}

    /** The password of {@link #newUser}'s users. */
    static final String PASSWORD = "long enough";

    /** Registers a fresh user named after {@code who} and logs them in: for tests whose subject is not that. */
    User newUser(String who) {
        String email = who + "-" + UUID.randomUUID() + "@example.com";
        Answer registered = post("/api/users", body("email", email, "password", PASSWORD));
        if (registered.status() != 201) {
            throw new IllegalStateException("Registration refused: " + registered);
        }
        return new User(registered.json().get("id").asString(), email, accessToken(email, PASSWORD));
    }

    /** The access token of a password login. */
    String accessToken(String email, String password) {
        Answer login = form(
                "/api/users/login",
                "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (login.status() != 200) {
            throw new IllegalStateException("Login refused: " + login);
        }
        return login.json().get("access_token").asString();
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
