package dev.tasksandbox.projects.contracts;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.tasksandbox.projects.ProjectsServiceIT;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * projects-service keeps the contract the gateway wrote for the composed profile: the first page of the
 * caller's projects. Replayed against the running service with a real token of the user the state created.
 * Fails when no pact is found.
 */
@Provider("projects-service")
@PactFolder("${pact.folder}")
class GatewayContractIT extends ProjectsServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private String accessToken;

    @BeforeEach
    void verifyOverHttp(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keeps_the_http_contract_of_each_consumer(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + accessToken);
        context.verifyInteraction();
    }

    @State("a user with an active and an archived project")
    void aUserWithAnActiveAndAnArchivedProject() {
        accessToken = accessToken(UUID.randomUUID().toString());
        create("Household");
        String archived = create("Clean the house");
        http.put()
                .uri(archived + "/archive")
                .header("Authorization", "Bearer " + accessToken)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private String create(String name) {
        return http.post()
                .uri("/api/projects")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }
}
