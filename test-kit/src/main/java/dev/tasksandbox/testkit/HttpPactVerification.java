package dev.tasksandbox.testkit;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import org.apache.hc.core5.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A provider keeps the HTTP pacts its consumers wrote: each interaction is replayed against the running service,
 * with the access token of the user its provider state created, if any. An interface, so that a provider's test
 * can still extend its service's test base; it adds {@code @Provider}, {@code @PactFolder} and its
 * {@code @State} methods.
 */
public interface HttpPactVerification {

    /** The port the service under test listens on. */
    int servicePort();

    /** The bearer token the current provider state made, or null when its requests need none. */
    @Nullable
    String accessToken();

    @BeforeEach
    default void verifyOverHttp(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", servicePort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    default void keeps_the_http_contract_of_each_consumer(PactVerificationContext context, HttpRequest request) {
        String token = accessToken();
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        context.verifyInteraction();
    }
}
