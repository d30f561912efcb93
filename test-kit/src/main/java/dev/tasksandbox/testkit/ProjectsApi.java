package dev.tasksandbox.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One user of the projects API, in the words of the API: against projects-service itself or through the gateway.
 * Paths are the API's ({@code /api/projects/...}); the methods that create something return the path it has.
 */
public final class ProjectsApi {

    private final WebTestClient http;
    private final String token;

    public ProjectsApi(WebTestClient http, String accessToken) {
        this.http = http;
        this.token = accessToken;
    }

    /** A client of the server at {@code baseUrl}, a service's port or the gateway's, for one user's token. */
    public static ProjectsApi at(String baseUrl, String accessToken) {
        return new ProjectsApi(
                WebTestClient.bindToServer()
                        .baseUrl(baseUrl)
                        .responseTimeout(Duration.ofSeconds(15))
                        .filter(DocumentedResponses.ofTheApi())
                        .build(),
                accessToken);
    }

    /** Creates a project and returns its path, e.g. {@code /api/projects/<id>}. */
    public String createProject(String name) {
        return AccountsApi.location(
                post("/api/projects", Map.of("name", name)).expectStatus().isSeeOther());
    }

    /** Adds a task and returns its path. */
    public String addTask(String project, String name) {
        return AccountsApi.location(
                post(project + "/tasks", Map.of("name", name)).expectStatus().isSeeOther());
    }

    public WebTestClient.ResponseSpec archive(String project) {
        return put(project + "/archive");
    }

    public WebTestClient.ResponseSpec unarchive(String project) {
        return put(project + "/unarchive");
    }

    public WebTestClient.ResponseSpec complete(String task) {
        return put(task + "/complete");
    }

    public WebTestClient.ResponseSpec incomplete(String task) {
        return put(task + "/incomplete");
    }

    /** The JSON of a read that must succeed. */
    public Map<String, Object> json(String path) {
        return Objects.requireNonNull(get(path)
                .expectStatus()
                .isOk()
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody());
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        return http.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec put(String path) {
        return http.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    public WebTestClient.ResponseSpec delete(String path) {
        return http.delete()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
