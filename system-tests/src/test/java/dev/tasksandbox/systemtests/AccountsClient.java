package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Registers users and signs them in over HTTP, as a client of the API would, with one password for all. */
final class AccountsClient {

    private static final String PASSWORD = "correct horse battery";

    /** The new user's id, or empty when the service did not answer 201 (it may be down). */
    Optional<String> register(String baseUrl, String email) {
        try {
            Api.Answer registered = new Api(baseUrl).post("/api/users", body("email", email, "password", PASSWORD));
            return registered.status() == 201
                    ? Optional.of(registered.json().get("id").asString())
                    : Optional.empty();
        } catch (UncheckedIOException unreachable) {
            return Optional.empty();
        }
    }

    /** The role an accounts-service instance's relay reports: {@code active}, {@code standby}, {@code starting}. */
    static String relayRole(String baseUrl) {
        String health = new Api(baseUrl).get("/actuator/health/relay").body();
        java.util.regex.Matcher role =
                java.util.regex.Pattern.compile("\"role\":\"(\\w+)\"").matcher(health);
        return role.find() ? role.group(1) : "none";
    }

    /** Registers, and fails when the service does not answer 201. */
    String registerOrFail(String baseUrl, String email) {
        return register(baseUrl, email)
                .orElseThrow(() -> new IllegalStateException("Registration of " + email + " was not answered 201"));
    }

    /** The access token of a password-grant login; fails when the login does not answer 200. */
    String accessToken(String baseUrl, String email) {
        Api.Answer login = new Api(baseUrl)
                .form(
                        "/api/users/login",
                        "grant_type=password&username="
                                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        if (login.status() != 200) {
            throw new IllegalStateException("Login failed: " + login);
        }
        return login.json().get("access_token").asString();
    }

    /** The id of the user a token speaks for, as the profile says. */
    String userIdOf(String baseUrl, String accessToken) {
        Api.Answer profile = new Api(baseUrl).withToken(accessToken).get("/api/users/me");
        if (profile.status() != 200) {
            throw new IllegalStateException("No profile: " + profile);
        }
        return profile.json().get("id").asString();
    }
}
