package dev.tasksandbox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * projects-service's side of the event contract: the records it needs on {@code accounts.user-events}, to create
 * the example project and to refuse the tokens of a user who logged out everywhere. The record is read with the codec projects-service reads with, and checked against the
 * JSON Schema; the pact file this writes is verified by accounts-service against what its relay really puts on
 * Kafka (AccountEventsContractIT), so a renamed member fails one side or the other.
 *
 * <p>Metadata names: {@code key} is the record key; the others are Kafka headers.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "accounts-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V4)
class AccountEventsPactTest {

    static final String ISO_INSTANT_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    private static final UUID EVENT = UUID.fromString("5f0c6b0e-3a51-4c8e-9c57-3d1b6f0e2a11");
    private static final UUID USER = UUID.fromString("0b6f4a52-8f1e-4d27-b3a4-6c2f9e8d7a10");
    private static final String OCCURRED_AT = "2026-11-25T09:30:00.123456Z";
    private static final UUID REVOCATION = UUID.fromString("9d3e1c7a-52b4-4f0e-8a61-2c7b5e9f4d33");
    /** Microseconds matter: tokens issued within the same second are told apart by them. */
    private static final String REVOKED_AT = "2026-11-25T09:45:00.654321Z";

    @Pact(consumer = "projects-service")
    V4Pact userAccountCreated(MessagePactBuilder messages) {
        return messages.given("a user has registered")
                .expectsToReceive("a UserAccountCreated event")
                .withMetadata(metadata -> metadata.uuid("key", USER) // the user id: one user's events stay in order
                        .uuid(AccountEvents.ID_HEADER, EVENT)
                        .add(AccountEvents.TYPE_HEADER, UserAccountCreated.TYPE))
                .withContent(new PactDslJsonBody()
                        .uuid("eventId", EVENT)
                        .uuid("userId", USER)
                        .stringMatcher("occurredAt", ISO_INSTANT_UTC, OCCURRED_AT))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "projects-service")
    V4Pact userSessionsRevoked(MessagePactBuilder messages) {
        return messages.given("a user has logged out everywhere")
                .expectsToReceive("a UserSessionsRevoked event")
                .withMetadata(metadata -> metadata.uuid("key", USER)
                        .uuid(AccountEvents.ID_HEADER, REVOCATION)
                        .add(AccountEvents.TYPE_HEADER, UserSessionsRevoked.TYPE))
                .withContent(new PactDslJsonBody()
                        .uuid("eventId", REVOCATION)
                        .uuid("userId", USER)
                        .stringMatcher("revokedAt", ISO_INSTANT_UTC, REVOKED_AT))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "userAccountCreated")
    void projects_reads_the_promised_record_as_the_event_it_handles(V4Interaction.AsynchronousMessage message) {
        Map<String, Object> metadata = message.getMetadata();

        AccountEvent read = new AccountEventCodec()
                .decode(metadata.get(AccountEvents.TYPE_HEADER).toString(), message.contentsAsBytes())
                .orElseThrow();

        assertThat(read).isInstanceOf(UserAccountCreated.class);
        UserAccountCreated event = (UserAccountCreated) read;

        assertThat(event.eventId()).isEqualTo(EVENT);
        assertThat(event.eventId().toString()).isEqualTo(metadata.get(AccountEvents.ID_HEADER));
        assertThat(event.userId()).isEqualTo(USER);
        assertThat(event.userId().toString()).isEqualTo(metadata.get("key"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(OCCURRED_AT));
        assertThat(AccountEventSchemasTest.SCHEMA.validate(
                        JsonMapper.builder().build().readTree(message.contentsAsBytes())))
                .as("the promised value against the published schema")
                .isEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "userSessionsRevoked")
    void projects_reads_the_promised_revocation_to_the_microsecond(V4Interaction.AsynchronousMessage message) {
        Map<String, Object> metadata = message.getMetadata();

        AccountEvent read = new AccountEventCodec()
                .decode(metadata.get(AccountEvents.TYPE_HEADER).toString(), message.contentsAsBytes())
                .orElseThrow();

        assertThat(read).isInstanceOf(UserSessionsRevoked.class);
        UserSessionsRevoked event = (UserSessionsRevoked) read;
        assertThat(event.eventId().toString()).isEqualTo(metadata.get(AccountEvents.ID_HEADER));
        assertThat(event.userId().toString()).isEqualTo(metadata.get("key"));
        assertThat(event.revokedAt()).isEqualTo(Instant.parse(REVOKED_AT));
        assertThat(AccountEventSchemasTest.REVOCATION_SCHEMA.validate(
                        JsonMapper.builder().build().readTree(message.contentsAsBytes())))
                .as("the promised value against the published schema")
                .isEmpty();
    }
}
