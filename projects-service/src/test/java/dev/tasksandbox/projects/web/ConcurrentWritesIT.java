package dev.tasksandbox.projects.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.ProjectsApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Concurrent writers on one project, through HTTP and against the real database: nothing lost, nothing doubled. */
class ConcurrentWritesIT extends ProjectsServiceIT {

    @Autowired
    WebTestClient http;

    private final String token = accessToken(UUID.randomUUID().toString());

    private ProjectsApi user() {
        return new ProjectsApi(http, token);
    }

    @Test
    void fifty_parallel_task_creations_get_numbers_one_to_fifty_with_no_gap_duplicate_or_loss() {
        String project = user().createProject("Busy project");

        List<HttpStatus> answers = Flux.range(1, 50)
                .flatMap(
                        i -> Mono.fromCallable(() ->
                                        status(user().post(project + "/tasks", Map.of("name", "Task number " + i))))
                                .subscribeOn(Schedulers.boundedElastic()),
                        50)
                .collectList()
                .block();

        assertThat(answers).hasSize(50).containsOnly(HttpStatus.SEE_OTHER);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks =
                (List<Map<String, Object>>) user().json(project + "/tasks").get("tasks");
        assertThat(tasks)
                .extracting(task -> task.get("number"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(tasks).extracting(task -> task.get("name")).doesNotHaveDuplicates();
    }

    @Test
    void a_concurrent_rename_and_completion_lose_neither_change() {
        for (int round = 0; round < 10; round++) {
            String project = user().createProject("Before " + round);
            String task = user().addTask(project, "Clean the house");

            Mono<HttpStatus> rename = Mono.fromCallable(
                            () -> status(user().put(project, Map.of("name", "After the rename"))))
                    .subscribeOn(Schedulers.boundedElastic());
            Mono<HttpStatus> complete = Mono.fromCallable(() -> status(user().put(task + "/complete")))
                    .subscribeOn(Schedulers.boundedElastic());
            assertThat(Flux.merge(rename, complete).collectList().block()).containsOnly(HttpStatus.SEE_OTHER);

            assertThat(user().json(project)).containsEntry("name", "After the rename");
            assertThat(user().json(task).get("completedAt")).isNotNull();
        }
    }

    private static HttpStatus status(WebTestClient.ResponseSpec response) {
        return HttpStatus.valueOf(response.returnResult(Void.class).getStatus().value());
    }
}
