package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Everything a user does, in order, through the gateway only: what a client application would see. */
@ExtendWith(SharedStack.class)
class UserJourneyIT {

    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);
    private static Api gateway;

    @BeforeAll
    static void useStack() {
        gateway = new Api(SharedStack.get().gatewayUrl());
    }

    @Test
    void a_user_registers_works_on_projects_and_changes_email_through_the_gateway() {
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery";

        Api.Answer registered = gateway.post("/api/users", body("email", email, "password", password));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/users/me");
        String userId = registered.json().get("id").asString();

        Api.Answer login = gateway.form(
                "/api/users/login",
                "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
        Api me = gateway.withToken(login.json().get("access_token").asString());

        // The composed profile lists the example project once projects-service has handled the event.
        Api.Answer profile = await().atMost(EVENT_BOUND)
                .until(
                        () -> me.get("/api/users/me"),
                        answer -> projectNames(answer).contains("My first project"));
        assertThat(profile.json().get("id").asString()).isEqualTo(userId);
        assertThat(profile.json().get("email").asString()).isEqualTo(email);
        assertThat(profile.header("Warning")).isNull();

        String project = created(me.post("/api/projects", body("name", "Journey project")));
        assertThat(project).matches("/api/projects/[0-9a-f-]{36}");
        assertThat(me.get(project).json().get("archived").asBoolean()).isFalse();
        assertThat(projectNames(me.get("/api/users/me"))).containsExactly("My first project", "Journey project");

        String first = created(me.post(project + "/tasks", body("name", "Write the plan")));
        String second = created(me.post(project + "/tasks", body("name", "Carry it out")));
        assertThat(first).isEqualTo(project + "/tasks/1");
        assertThat(second).isEqualTo(project + "/tasks/2");
        assertThat(me.put(project + "/archive").status())
                .as("archiving with open tasks")
                .isEqualTo(409);

        assertThat(created(me.put(first + "/complete"))).isEqualTo(first);
        assertThat(created(me.put(second + "/complete"))).isEqualTo(second);
        JsonNode tasks = me.get(project + "/tasks").json().get("tasks");
        assertThat(tasks).hasSize(2);
        tasks.forEach(task -> assertThat(task.get("completedAt").asString()).endsWith("Z"));

        assertThat(me.put(project + "/archive").status()).isEqualTo(204);
        assertThat(projectNames(me.get("/api/users/me")))
                .as("archived projects are not in the profile")
                .containsExactly("My first project");
        assertThat(me.delete(project).status()).isEqualTo(204);
        assertThat(me.get(project).status()).isEqualTo(404);

        String newEmail = "moved-" + UUID.randomUUID() + "@example.com";
        Api.Answer moved = me.put("/api/users/me", body("email", newEmail));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(303);
        assertThat(me.get("/api/users/me").json().get("email").asString()).isEqualTo(newEmail);

        Api.Answer refreshed = gateway.form(
                "/api/users/login",
                "grant_type=refresh_token&refresh_token="
                        + login.json().get("refresh_token").asString());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        Api again = gateway.withToken(refreshed.json().get("access_token").asString());
        assertThat(again.get("/api/users/me").json().get("email").asString()).isEqualTo(newEmail);
        assertThat(gateway.form(
                                "/api/users/login",
                                "grant_type=refresh_token&refresh_token="
                                        + login.json().get("refresh_token").asString())
                        .status())
                .as("a spent refresh token")
                .isEqualTo(401);
    }

    @Test
    void without_a_valid_token_the_services_behind_the_gateway_answer_401() {
        Api.Answer profile = gateway.get("/api/users/me");
        Api.Answer projects = gateway.withToken("not-a-token").get("/api/projects");

        assertThat(profile.status()).isEqualTo(401);
        assertThat(profile.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(profile.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(projects.status()).isEqualTo(401);
        assertThat(projects.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void the_signing_keys_are_published_through_the_gateway() {
        Api.Answer jwks = gateway.get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isNotBlank();
    }

    /** The Location of a 303, the way this API answers writes. */
    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
        return answer.header("Location");
    }

    private static List<String> projectNames(Api.Answer profile) {
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        profile.json()
                .get("projects")
                .forEach(project -> names.add(project.get("name").asString()));
        return names;
    }
}
