package dev.tasksandbox.projects.web;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One user of the projects API, in the words of the API. */
final class ProjectsClient {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient http;
    private final String token;

    ProjectsClient(WebTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec put(String path, Object body) {
        return http.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec put(String path) {
        return http.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    WebTestClient.ResponseSpec delete(String path) {
        return http.delete()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    /** Creates a project and returns its path, e.g. {@code /api/projects/<id>}. */
    String createProject(String name) {
        return post("/api/projects", Map.of("name", name))
                .expectStatus()
                .isSeeOther()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    /** Adds a task and returns its path. */
    String addTask(String project, String name) {
        return post(project + "/tasks", Map.of("name", name))
                .expectStatus()
                .isSeeOther()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    Map<String, Object> json(String path) {
        return get(path).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }
}
