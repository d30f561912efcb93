package dev.tasksandbox.accounts.web;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.tasksandbox.accounts.AccountsServiceIT;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * accounts-service keeps the HTTP contracts its consumers wrote: projects-service's use of the published keys,
 * and the gateway's use of the profile. Each interaction is replayed against the running service, with a real
 * access token of the user its provider state created. Fails when no pact is found.
 */
@Provider("accounts-service")
@PactFolder("${pact.folder}")
@PactFilter(value = "Synchronous/HTTP", filter = InteractionFilter.ByInteractionType.class)
class ConsumersContractIT extends AccountsServiceIT {

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
        if (accessToken != null) {
            request.setHeader("Authorization", "Bearer " + accessToken);
        }
        context.verifyInteraction();
    }

    @State("accounts-service signs tokens")
    void signingKeysArePublished() {
        accessToken = null; // the keys are configured by the test base; the endpoint needs no token
    }

    @State("a registered user with an access token")
    void aRegisteredUser() {
        String email = uniqueEmail();
        Client client = new Client(http);
        client.register(email, "correct horse");
        accessToken =
                client.tokensFor(email, "correct horse").get("access_token").toString();
    }
}
