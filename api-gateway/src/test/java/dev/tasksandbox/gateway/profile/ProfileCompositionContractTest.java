package dev.tasksandbox.gateway.profile;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.ForProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of the contracts behind the composed profile: what it needs from accounts-service's
 * profile and from projects-service's list of the caller's projects. The real composition runs against Pact's
 * mocks of both services.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(pactVersion = PactSpecVersion.V4)
class ProfileCompositionContractTest {

    private static final String USER = "0b6f4a52-8f1e-4d27-b3a4-6c2f9e8d7a10";
    private static final String ACTIVE = "7ac72921-ad9b-4600-bda1-59615da2c6d0";
    private static final String ARCHIVED = "3d8b54d9-a873-42af-bc79-17422f9f452a";
    private static final String BEARER = "Bearer [A-Za-z0-9._~+/=-]+";
    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl";

    @Pact(consumer = "api-gateway", provider = "accounts-service")
    V4Pact profile(PactDslWithProvider accounts) {
        return accounts.given("a registered user with an access token")
                .uponReceiving("a request for the caller's profile")
                .method("GET")
                .path("/api/users/me")
                .matchHeader("Authorization", BEARER, TOKEN)
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().uuid("id", USER).stringMatcher("email", ".+@.+", "ann@example.com"))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "api-gateway", provider = "projects-service")
    V4Pact projects(PactDslWithProvider projects) {
        return projects.given("a user with an active and an archived project")
                .uponReceiving("a request for the first page of the caller's projects")
                .method("GET")
                .path("/api/projects")
                .query("limit=500")
                .matchHeader("Authorization", BEARER, TOKEN)
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .nullValue("nextAfter")
                        .array("projects")
                        .object()
                        .uuid("id", ACTIVE)
                        .stringType("name", "Household")
                        .booleanValue("archived", false)
                        .closeObject()
                        .object()
                        .uuid("id", ARCHIVED)
                        .stringType("name", "Clean the house")
                        .booleanValue("archived", true)
                        .closeObject()
                        .closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethods = {"profile", "projects"})
    void the_profile_lists_the_callers_active_projects(
            @ForProvider("accounts-service") MockServer accounts,
            @ForProvider("projects-service") MockServer projects) {
        ProfileComposition composition = new ProfileComposition(
                WebClient.create(accounts.getUrl()),
                WebClient.create(projects.getUrl()),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                JsonMapper.builder().build());
        WebTestClient gateway = WebTestClient.bindToRouterFunction(
                        RouterFunctions.route(GET("/api/users/me"), composition::profile))
                .build();

        gateway.get()
                .uri("/api/users/me")
                .header("Authorization", TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Warning")
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(USER)
                .jsonPath("$.email")
                .isEqualTo("ann@example.com")
                .jsonPath("$.projects[*].id")
                .isEqualTo(List.of(ACTIVE))
                .jsonPath("$.projects[0].name")
                .isEqualTo("Household");
    }
}
