package dev.tasksandbox.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.projects.messaging.EventsTopic.DeadLetterReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The consumer against a real broker and database, fed records the way the relay writes them. */
class UserAccountEventsIT extends ProjectsServiceIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient http;

    @Test
    void a_new_user_gets_the_example_project_with_its_three_tasks() {
        UserAccountCreated event = new UserAccountCreated(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-25T08:00:00.123456Z"));

        EventsTopic.publish(event);

        await().atMost(BOUND).until(() -> effects().exampleProjectsOf(event.userId()) == 1);
        assertThat(tasksOf(new UserId(event.userId())))
                .containsExactly(
                        "1 Sign up! 2026-11-25T08:00:00.123456Z",
                        "2 Watch the tutorial -",
                        "3 Start using our awesome app -");
    }

    @Test
    void the_example_project_is_readable_through_the_api_by_its_owner_only() {
        UserAccountCreated event = new UserAccountCreated(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-25T08:00:00.123456Z"));
        EventsTopic.publish(event);
        await().atMost(BOUND).until(() -> effects().exampleProjectsOf(event.userId()) == 1);
        String token = accessToken(new UserId(event.userId()).toString());

        Map<String, Object> page = get(token, "/api/projects");
        @SuppressWarnings("unchecked")
        Map<String, Object> project = ((List<Map<String, Object>>) page.get("projects")).get(0);
        assertThat(project).containsEntry("name", "My first project").containsEntry("archived", false);

        Map<String, Object> tasks = get(token, "/api/projects/" + project.get("id") + "/tasks");
        assertThat(tasks.get("tasks"))
                .isEqualTo(List.of(
                        Map.of("number", 1, "name", "Sign up!", "completedAt", "2026-11-25T08:00:00.123456Z"),
                        taskWithoutCompletion(2, "Watch the tutorial"),
                        taskWithoutCompletion(3, "Start using our awesome app")));
        http.get()
                .uri("/api/projects/" + project.get("id"))
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + accessToken(UUID.randomUUID().toString()))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private Map<String, Object> get(String token, String path) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> taskWithoutCompletion(int number, String name) {
        Map<String, Object> task = new java.util.LinkedHashMap<>();
        task.put("number", number);
        task.put("name", name);
        task.put("completedAt", null);
        return task;
    }

    @Test
    void the_same_event_delivered_twice_gives_one_project() {
        UserAccountCreated event = new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        UserAccountCreated marker = new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.now());

        EventsTopic.publish(event);
        EventsTopic.publish(event);
        EventsTopic.publish(marker);

        // Same key, same partition: once the later marker's project exists, both copies were consumed.
        await().atMost(BOUND).until(() -> effects().exampleProjectsOf(marker.userId()) == 1);
        await().atMost(BOUND).until(() -> effects().exampleProjectsOf(event.userId()) == 1);
        assertThat(effects().timesProcessed(event.eventId())).isEqualTo(1);
        assertThat(effects().exampleProjectsOf(event.userId())).isEqualTo(1);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_next_event_is_still_processed() {
        String key = UserId.newId().toString();
        try (DeadLetterReader deadLetters = new DeadLetterReader()) {
            EventsTopic.send(EventsTopic.record(key, "this is not json", UserAccountCreated.TYPE));
            UserAccountCreated next = new UserAccountCreated(UUID.randomUUID(), UUID.fromString(key), Instant.now());
            EventsTopic.publish(next);

            await().atMost(BOUND).until(() -> effects().exampleProjectsOf(next.userId()) == 1);
            await().atMost(BOUND).until(() -> deadLetters.withKey(key).contains("this is not json"));
        }
    }

    @Test
    void an_event_missing_a_required_field_is_dead_lettered() {
        String key = UserId.newId().toString();
        String incomplete = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + key + "\"}";
        try (DeadLetterReader deadLetters = new DeadLetterReader()) {
            EventsTopic.send(EventsTopic.record(key, incomplete, UserAccountCreated.TYPE));

            await().atMost(BOUND).until(() -> deadLetters.withKey(key).contains(incomplete));
            assertThat(effects().exampleProjectsOf(UUID.fromString(key))).isZero();
        }
    }

    @Test
    void events_of_other_types_are_skipped() {
        UserId user = UserId.newId();
        UserAccountCreated marker = new UserAccountCreated(UUID.randomUUID(), user.value(), Instant.now());
        EventsTopic.send(EventsTopic.record(user.toString(), "{\"something\":\"else\"}", "UserAccountClosed"));
        EventsTopic.publish(marker);

        await().atMost(BOUND).until(() -> effects().exampleProjectsOf(user.value()) == 1);
    }

    private EventEffects effects() {
        return new EventEffects(database);
    }

    private List<String> tasksOf(UserId user) {
        return database.sql("""
                        SELECT t.number, t.name, t.completed_at FROM tasks t JOIN projects p ON p.id = t.project_id
                        WHERE p.owner_id = :owner ORDER BY t.number""")
                .bind("owner", user.value())
                .map(row -> row.get("number", Integer.class) + " " + row.get("name", String.class) + " "
                        + (row.get("completed_at", OffsetDateTime.class) == null
                                ? "-"
                                : row.get("completed_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .block();
    }
}
