package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.ProjectsApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;

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
    void a_user_registers_works_on_projects_changes_email_and_logs_out_through_the_gateway() {
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery";
        AccountsApi accounts = AccountsApi.at(SharedStack.get().gatewayUrl());

        WebTestClient.ResponseSpec registration = accounts.register(email, password);
        registration.expectStatus().isCreated().expectHeader().valueEquals("Location", "/api/users/me");
        String userId = AccountsApi.member(
                registration.expectBody(AccountsApi.JSON).returnResult().getResponseBody(), "id");

        Map<String, Object> tokens = accounts.tokensFor(email, password);
        assertThat(tokens).containsEntry("token_type", "bearer");
        String accessToken = tokens.get("access_token").toString();
        ProjectsApi me = ProjectsApi.at(SharedStack.get().gatewayUrl(), accessToken);

        // The composed profile lists the example project once projects-service has handled the event.
        Map<String, Object> profile = await().atMost(EVENT_BOUND)
                .until(
                        () -> me.json("/api/users/me"),
                        answer -> projectNames(answer).contains("My first project"));
        assertThat(profile).containsEntry("id", userId).containsEntry("email", email);
        me.get("/api/users/me").expectHeader().doesNotExist("Warning");

        String project = me.createProject("Journey project");
        assertThat(project).matches("/api/projects/[0-9a-f-]{36}");
        assertThat(me.json(project)).containsEntry("archived", false);
        assertThat(projectNames(me.json("/api/users/me"))).containsExactly("My first project", "Journey project");

        String first = me.addTask(project, "Write the plan");
        String second = me.addTask(project, "Carry it out");
        assertThat(first).isEqualTo(project + "/tasks/1");
        assertThat(second).isEqualTo(project + "/tasks/2");
        me.archive(project).expectStatus().isEqualTo(409); // open tasks

        assertThat(AccountsApi.location(me.complete(first).expectStatus().isSeeOther()))
                .isEqualTo(first);
        assertThat(AccountsApi.location(me.complete(second).expectStatus().isSeeOther()))
                .isEqualTo(second);
        List<?> tasks = (List<?>) me.json(project + "/tasks").get("tasks");
        assertThat(tasks)
                .hasSize(2)
                .allSatisfy(task -> assertThat(((Map<?, ?>) task).get("completedAt"))
                        .asString()
                        .endsWith("Z"));

        me.archive(project).expectStatus().isNoContent();
        assertThat(projectNames(me.json("/api/users/me")))
                .as("archived projects are not in the profile")
                .containsExactly("My first project");
        me.delete(project).expectStatus().isNoContent();
        me.get(project).expectStatus().isNotFound();

        String newEmail = "moved-" + UUID.randomUUID() + "@example.com";
        accounts.changeEmail(accessToken, newEmail).expectStatus().isSeeOther();
        assertThat(me.json("/api/users/me")).containsEntry("email", newEmail);

        String refreshToken = tokens.get("refresh_token").toString();
        Map<String, Object> refreshed = accounts.refresh(refreshToken)
                .expectStatus()
                .isOk()
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody();
        String again = AccountsApi.member(refreshed, "access_token");
        assertThat(accounts.me(again)
                        .expectStatus()
                        .isOk()
                        .expectBody(AccountsApi.JSON)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("email", newEmail);
        accounts.refresh(refreshToken).expectStatus().isUnauthorized(); // a spent refresh token

        String current = AccountsApi.member(refreshed, "refresh_token");
        accounts.logOut(current).expectStatus().isNoContent();
        accounts.refresh(current).expectStatus().isUnauthorized(); // logged out
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

    /**
     * The names of the profile's projects; none when the profile came without them, as the gateway answers
     * (with a {@code Warning}) when projects-service does not answer in time: the first call after start-up can
     * be that slow on a loaded machine, and the journey waits for a complete profile.
     */
    @SuppressWarnings("unchecked")
    private static List<String> projectNames(Map<String, Object> profile) {
        Object projects = profile.get("projects");
        return projects == null
                ? List.of()
                : ((List<Map<String, Object>>) projects)
                        .stream().map(project -> project.get("name").toString()).toList();
    }
}
