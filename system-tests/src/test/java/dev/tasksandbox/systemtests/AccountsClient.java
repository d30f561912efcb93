package dev.tasksandbox.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers users and signs them in over HTTP, as a client of the API would. */
final class AccountsClient {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The new user's id, or empty when the service did not answer 201 (it may be down). */
    Optional<String> register(String baseUrl, String email) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/users"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return Optional.empty();
            }
            Matcher id = ID.matcher(response.body());
            return id.find() ? Optional.of(id.group(1)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The access token of a password-grant login; fails when the login does not answer 200. */
    String accessToken(String baseUrl, String email) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/users/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=correct+horse+battery"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Login failed: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** The status of a GET, with the token as bearer when there is one. */
    int get(String url, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The id of the user a token speaks for, as the profile says. */
    String userIdOf(String baseUrl, String accessToken) throws Exception {
        HttpResponse<String> profile = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/users/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(profile.body());
        if (profile.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("No profile: " + profile.statusCode() + " " + profile.body());
        }
        return id.group(1);
    }
}
