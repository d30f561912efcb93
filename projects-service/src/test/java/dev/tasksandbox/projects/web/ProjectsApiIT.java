package dev.tasksandbox.projects.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.ProjectsApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every endpoint and status code of the projects API, against the real database. */
class ProjectsApiIT extends ProjectsServiceIT {

    @Autowired
    WebTestClient http;

    private ProjectsApi user() {
        return new ProjectsApi(http, accessToken(UUID.randomUUID().toString()));
    }

    @Test
    void creating_a_project_answers_303_to_it_and_it_reads_back_trimmed_unarchived_and_unlimited() {
        ProjectsApi user = user();
        String project = user.createProject("  Household  ");

        assertThat(project).matches("/api/projects/[0-9a-f-]{36}");
        assertThat(user.json(project))
                .containsEntry("id", project.substring("/api/projects/".length()))
                .containsEntry("name", "Household")
                .containsEntry("archived", false)
                .containsEntry("maxIncompleteTasks", null);
    }

    @Test
    void the_list_has_the_callers_projects_oldest_first_and_pages_by_cursor() {
        ProjectsApi user = user();
        user.createProject("First project");
        String second = user.createProject("Second project");
        user.createProject("Third project");
        user().createProject("Someone else's");

        Map<String, Object> page1 = user.json("/api/projects?limit=2");
        assertThat(names(page1)).containsExactly("First project", "Second project");
        assertThat(page1.get("nextAfter")).isEqualTo(idOf(second));

        Map<String, Object> page2 = user.json("/api/projects?limit=2&after=" + page1.get("nextAfter"));
        assertThat(names(page2)).containsExactly("Third project");
        assertThat(page2.get("nextAfter")).isNull();
        assertThat(names(user.json("/api/projects"))).hasSize(3);
    }

    @Test
    void bad_paging_is_a_422_naming_the_parameter() {
        ProjectsApi user = user();
        user.get("/api/projects?limit=0")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        user.get("/api/projects?limit=501").expectStatus().isEqualTo(422);
        user.get("/api/projects?limit=ten").expectStatus().isEqualTo(422);
        user.get("/api/projects?after=not-an-id")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("after");
        user.get("/api/projects?after=" + UUID.randomUUID()).expectStatus().isEqualTo(422);
    }

    @Test
    void renaming_and_limiting_answers_303_and_changes_the_project() {
        ProjectsApi user = user();
        String project = user.createProject("Household");

        user.put(project, Map.of("name", "Home", "maxIncompleteTasks", 2))
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location(project)
                .expectBody()
                .isEmpty();

        assertThat(user.json(project)).containsEntry("name", "Home").containsEntry("maxIncompleteTasks", 2);
    }

    @Test
    void leaving_out_the_limit_removes_it() {
        ProjectsApi user = user();
        String project = user.createProject("Household");
        user.put(project, Map.of("name", "Home", "maxIncompleteTasks", 2))
                .expectStatus()
                .isSeeOther();

        user.put(project, Map.of("name", "Home")).expectStatus().isSeeOther();

        assertThat(user.json(project)).containsEntry("maxIncompleteTasks", null);
    }

    @Test
    void malformed_writes_are_422_and_change_nothing() {
        ProjectsApi user = user();
        String project = user.createProject("Household");

        user.post("/api/projects", Map.of("name", "abc"))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        user.post("/api/projects", Map.of("name", "x".repeat(33)))
                .expectStatus()
                .isEqualTo(422);
        user.post("/api/projects", Map.of()).expectStatus().isEqualTo(422);
        user.post("/api/projects", "{\"name\": ").expectStatus().isEqualTo(422);
        user.put(project, Map.of("name", "Home", "maxIncompleteTasks", "two"))
                .expectStatus()
                .isEqualTo(422);
        user.put(project, Map.of("name", "Home", "maxIncompleteTasks", -1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("maxIncompleteTasks");
        user.post(project + "/tasks", Map.of("name", " ab ")).expectStatus().isEqualTo(422);
        user.post("/api/projects", Map.of("name", "ab\u0000cd"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not contain control characters");
        user.post("/api/projects", "null").expectStatus().isEqualTo(422);

        assertThat(user.json(project)).containsEntry("name", "Household");
        assertThat((List<?>) user.json(project + "/tasks").get("tasks")).isEmpty();
        assertThat(names(user.json("/api/projects"))).containsExactly("Household");
    }

    @Test
    void malformed_ids_and_numbers_in_paths_are_422() {
        ProjectsApi user = user();
        String project = user.createProject("Household");

        user.get("/api/projects/not-a-uuid")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
        user.get(project + "/tasks/0")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("number");
        user.get(project + "/tasks/one").expectStatus().isEqualTo(422);
        user.put(project + "/tasks/-1/complete").expectStatus().isEqualTo(422);
    }

    @Test
    void another_users_project_is_404_exactly_like_a_missing_one_for_reads_and_writes() {
        ProjectsApi owner = user();
        String project = owner.addTask(owner.createProject("Household"), "Clean the house")
                .replaceAll("/tasks/1$", "");
        ProjectsApi other = user();
        String missing = "/api/projects/" + UUID.randomUUID();

        for (String path : List.of(project, missing)) {
            other.get(path).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            other.get(path + "/tasks").expectStatus().isNotFound();
            other.get(path + "/tasks/1").expectStatus().isNotFound();
            other.put(path, Map.of("name", "Stolen")).expectStatus().isNotFound();
            other.post(path + "/tasks", Map.of("name", "Sneaked in"))
                    .expectStatus()
                    .isNotFound();
            other.put(path + "/tasks/1/complete").expectStatus().isNotFound();
            other.put(path + "/tasks/1/incomplete").expectStatus().isNotFound();
            other.put(path + "/archive").expectStatus().isNotFound();
            other.put(path + "/unarchive").expectStatus().isNotFound();
            other.delete(path).expectStatus().isNotFound();
        }
        assertThat(owner.json(project)).containsEntry("name", "Household");
        assertThat((List<?>) owner.json(project + "/tasks").get("tasks")).hasSize(1);
    }

    @Test
    void tasks_are_numbered_listed_in_order_and_read_one_by_one() {
        ProjectsApi user = user();
        String project = user.createProject("Household");

        assertThat(user.addTask(project, "Clean the house")).isEqualTo(project + "/tasks/1");
        assertThat(user.addTask(project, "Do the dishes")).isEqualTo(project + "/tasks/2");

        assertThat(taskNames(user.json(project + "/tasks"))).containsExactly("Clean the house", "Do the dishes");
        assertThat(user.json(project + "/tasks/2"))
                .containsEntry("number", 2)
                .containsEntry("name", "Do the dishes")
                .containsEntry("completedAt", null);
        user.get(project + "/tasks/3").expectStatus().isNotFound();
    }

    @Test
    void completing_twice_keeps_the_first_time_in_utc_and_incompleting_reopens() {
        ProjectsApi user = user();
        String task = user.addTask(user.createProject("Household"), "Clean the house");

        user.put(task + "/complete").expectStatus().isSeeOther().expectHeader().location(task);
        String completedAt = user.json(task).get("completedAt").toString();
        user.put(task + "/complete").expectStatus().isSeeOther();

        assertThat(completedAt).endsWith("Z");
        assertThat(Instant.parse(completedAt)).isBefore(Instant.now());
        assertThat(user.json(task)).containsEntry("completedAt", completedAt);

        user.put(task + "/incomplete")
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location(task);
        user.put(task + "/incomplete").expectStatus().isSeeOther();
        assertThat(user.json(task)).containsEntry("completedAt", null);
        user.put(task.replaceAll("/1$", "/9") + "/complete").expectStatus().isNotFound();
    }

    @Test
    void the_incomplete_task_limit_is_a_409_on_add_and_on_incomplete() {
        ProjectsApi user = user();
        String project = user.createProject("Focused");
        user.put(project, Map.of("name", "Focused", "maxIncompleteTasks", 1))
                .expectStatus()
                .isSeeOther();
        String first = user.addTask(project, "First thing");

        user.post(project + "/tasks", Map.of("name", "Second thing"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Project already has the maximum of 1 incomplete tasks");
        user.put(first + "/complete").expectStatus().isSeeOther();
        user.addTask(project, "Second thing");
        user.put(first + "/incomplete").expectStatus().isEqualTo(409);

        assertThat(taskNames(user.json(project + "/tasks"))).containsExactly("First thing", "Second thing");
    }

    @Test
    void archiving_needs_every_task_complete_and_an_archived_project_refuses_changes() {
        ProjectsApi user = user();
        String project = user.createProject("Household");
        String task = user.addTask(project, "Clean the house");
        user.addTask(project, "Do the dishes");

        user.put(project + "/archive")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Project has 2 incomplete tasks");
        user.put(task + "/complete").expectStatus().isSeeOther();
        user.put(project + "/tasks/2/complete").expectStatus().isSeeOther();
        user.put(project + "/archive").expectStatus().isNoContent();

        assertThat(user.json(project)).containsEntry("archived", true);
        user.put(project + "/archive").expectStatus().isEqualTo(409);
        user.put(project, Map.of("name", "Renamed")).expectStatus().isEqualTo(409);
        user.post(project + "/tasks", Map.of("name", "One more")).expectStatus().isEqualTo(409);
        user.put(task + "/complete").expectStatus().isEqualTo(409);
        user.put(task + "/incomplete").expectStatus().isEqualTo(409);
        assertThat(user.json(project)).containsEntry("name", "Household");
    }

    @Test
    void a_project_without_tasks_can_be_archived_and_unarchive_needs_an_archived_project() {
        ProjectsApi user = user();
        String project = user.createProject("Household");

        user.put(project + "/unarchive").expectStatus().isEqualTo(409);
        user.put(project + "/archive").expectStatus().isNoContent();
        user.put(project + "/unarchive").expectStatus().isNoContent();

        assertThat(user.json(project)).containsEntry("archived", false);
        user.addTask(project, "Back at it");
    }

    @Test
    void only_an_archived_project_can_be_deleted_and_then_it_is_gone_everywhere() {
        ProjectsApi user = user();
        String project = user.createProject("Clean the house");
        user.put(user.addTask(project, "Vacuum") + "/complete").expectStatus().isSeeOther();

        user.delete(project)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("not archived"));
        user.put(project + "/archive").expectStatus().isNoContent();
        user.delete(project).expectStatus().isNoContent();

        user.get(project).expectStatus().isNotFound();
        user.get(project + "/tasks").expectStatus().isNotFound();
        user.get(project + "/tasks/1").expectStatus().isNotFound();
        user.put(project + "/unarchive").expectStatus().isNotFound();
        user.delete(project).expectStatus().isNotFound();
        assertThat(names(user.json("/api/projects"))).isEmpty();
    }

    @Test
    void every_endpoint_needs_a_token() {
        String project = "/api/projects/" + UUID.randomUUID();
        for (WebTestClient.RequestHeadersSpec<?> request : List.<WebTestClient.RequestHeadersSpec<?>>of(
                http.get().uri("/api/projects"),
                http.post().uri("/api/projects"),
                http.get().uri(project),
                http.put().uri(project),
                http.delete().uri(project),
                http.put().uri(project + "/archive"),
                http.put().uri(project + "/unarchive"),
                http.get().uri(project + "/tasks"),
                http.post().uri(project + "/tasks"),
                http.get().uri(project + "/tasks/1"),
                http.put().uri(project + "/tasks/1/complete"),
                http.put().uri(project + "/tasks/1/incomplete"))) {
            request.exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("projects"))
                .stream().map(p -> p.get("name").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> taskNames(Map<String, Object> tasks) {
        return ((List<Map<String, Object>>) tasks.get("tasks"))
                .stream().map(t -> t.get("name").toString()).toList();
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
