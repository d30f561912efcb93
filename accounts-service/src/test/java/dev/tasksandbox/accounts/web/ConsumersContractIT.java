package dev.tasksandbox.accounts.web;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.HttpPactVerification;
import org.jspecify.annotations.Nullable;
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
class ConsumersContractIT extends AccountsServiceIT implements HttpPactVerification {

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

    @State("accounts-service signs tokens")
    void signingKeysArePublished() {
        accessToken = null; // the keys are configured by the test base; the endpoint needs no token
    }

    @State("a registered user with an access token")
    void aRegisteredUser() {
        String email = uniqueEmail();
        AccountsApi client = new AccountsApi(http);
        client.registered(email, "correct horse");
        accessToken = client.accessToken(email, "correct horse");
    }
}
