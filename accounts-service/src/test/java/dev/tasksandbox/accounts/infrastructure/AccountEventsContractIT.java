package dev.tasksandbox.accounts.infrastructure;

import static org.awaitility.Awaitility.await;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.testkit.AccountsApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * accounts-service keeps the event contract its consumers wrote: the message checked against each pact is the
 * record the real relay put on Kafka after a real registration (value written by the outbox code, key and
 * headers by the relay's routing), not a copy made for the test. Fails when no pact is found.
 */
@Provider("accounts-service")
@PactFolder("${pact.folder}")
@PactFilter(value = "Asynchronous/Messages", filter = InteractionFilter.ByInteractionType.class)
class AccountEventsContractIT extends AccountsServiceIT {

    private static final Duration RELAY_BOUND = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse";

    @Autowired
    WebTestClient http;

    private final PublishedEvents published = new PublishedEvents();
    private String userId;

    @BeforeEach
    void verifyMessages(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @AfterEach
    void closeReader() {
        published.close();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void keeps_the_event_contract_of_each_consumer(PactVerificationContext context) {
        context.verifyInteraction();
    }

    /** A registration over HTTP, as a client makes it. */
    @State("a user has registered")
    void aUserHasRegistered() {
        userId = new AccountsApi(http).registered(uniqueEmail(), PASSWORD);
    }

    /** A registration, a login and a log-out-everywhere over HTTP. */
    @State("a user has logged out everywhere")
    void aUserHasLoggedOutEverywhere() {
        AccountsApi accounts = new AccountsApi(http);
        String email = uniqueEmail();
        userId = accounts.registered(email, PASSWORD);
        accounts.logOutEverywhere(accounts.accessToken(email, PASSWORD))
                .expectStatus()
                .isNoContent();
    }

    @PactVerifyProvider("a UserAccountCreated event")
    MessageAndMetadata theRecordPublishedForTheNewUser() {
        return thePublished(UserAccountCreated.TYPE);
    }

    @PactVerifyProvider("a UserSessionsRevoked event")
    MessageAndMetadata theRecordPublishedForTheLogOut() {
        return thePublished(UserSessionsRevoked.TYPE);
    }

    private MessageAndMetadata thePublished(String type) {
        await().atMost(RELAY_BOUND).until(() -> ofType(type).isPresent());
        PublishedEvents.Event record = ofType(type).orElseThrow();

        Map<String, Object> metadata = new java.util.HashMap<>(record.headers());
        metadata.put("key", record.key());
        metadata.put("contentType", MediaType.APPLICATION_JSON_VALUE);
        return new MessageAndMetadata(record.value().getBytes(StandardCharsets.UTF_8), metadata);
    }

    private Optional<PublishedEvents.Event> ofType(String type) {
        return published.forUser(userId).stream()
                .filter(event -> type.equals(event.headers().get(AccountEvents.TYPE_HEADER)))
                .findFirst();
    }
}
