package dev.tasksandbox.projects.contracts;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.HttpPactVerification;
import dev.tasksandbox.testkit.ProjectsApi;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * projects-service keeps the contract the gateway wrote for the composed profile: the first page of the
 * caller's projects. Replayed against the running service with a real token of the user the state created.
 * Fails when no pact is found.
 */
@Provider("projects-service")
@PactFolder("${pact.folder}")
class GatewayContractIT extends ProjectsServiceIT implements HttpPactVerification {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private @Nullable String accessToken;

    @Override
    public int servicePort() {
        return port;
    }

    @Override
    public @Nullable String accessToken() {
        return accessToken;
    }

    @State("a user with an active and an archived project")
    void aUserWithAnActiveAndAnArchivedProject() {
        String token = accessToken(UUID.randomUUID().toString());
        accessToken = token;
        ProjectsApi user = new ProjectsApi(http, token);
        user.createProject("Household");
        user.archive(user.createProject("Clean the house")).expectStatus().isNoContent();
    }
}
