package dev.tasksandbox.accounts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.accounts.infrastructure.relay.OutboxRelay;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.kernel.UserId;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutboxRelayIT extends AccountsServiceIT {

    private static final Duration RELAY_BOUND = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Autowired
    Users users;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JsonMapper json;

    private final PublishedEvents published = new PublishedEvents();

    @AfterEach
    void closeReader() {
        if (!relay.isRunning()) {
            relay.start();
        }
        published.close();
    }

    @Test
    void a_registration_is_published_once_keyed_by_user_with_id_type_and_trace_headers() throws Exception {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String userId = register(uniqueEmail(), trace);

        await().atMost(RELAY_BOUND).until(() -> !published.forUser(userId).isEmpty());
        PublishedEvents.Event event = published.forUser(userId).get(0);
        JsonNode payload = json.readTree(event.value());

        assertThat(payload.get("userId").asString()).isEqualTo(userId);
        assertThat(event.headers())
                .containsEntry("id", payload.get("eventId").asString())
                .containsEntry("type", UserAccountCreated.TYPE)
                .containsEntry("traceparent", trace)
                .containsOnlyKeys("id", "type", "traceparent");
        assertThat(Instant.parse(payload.get("occurredAt").asString())).isBefore(Instant.now());
        assertThat(payload.get("occurredAt").asString()).endsWith("Z");
        assertThat(published.forUser(userId)).hasSize(1);
    }

    @Test
    void the_payload_has_exactly_the_fields_the_schema_in_the_shared_kernel_requires() throws Exception {
        String userId = register(uniqueEmail());
        await().atMost(RELAY_BOUND).until(() -> !published.forUser(userId).isEmpty());

        JsonNode schema;
        try (InputStream resource = UserAccountCreated.class.getResourceAsStream(UserAccountCreated.SCHEMA_RESOURCE)) {
            schema = json.readTree(resource);
        }
        Set<String> required = new java.util.HashSet<>();
        schema.get("required").forEach(field -> required.add(field.asString()));
        Set<String> fields = new java.util.HashSet<>(
                json.readTree(published.forUser(userId).get(0).value()).propertyNames());

        assertThat(fields)
                .isEqualTo(required)
                .isEqualTo(schema.get("properties").propertyNames());
    }

    @Test
    void the_outbox_table_stays_empty() {
        register(uniqueEmail());

        assertThat(database.sql("SELECT count(*) FROM outbox")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void a_rolled_back_registration_stores_no_user_and_publishes_nothing() {
        User user = User.register(
                UserId.newId(), new EmailAddress(uniqueEmail()), new PasswordHash("$2a$04$x"), Instant.now());
        Mono<Void> addThenFail = users.add(user).then(Mono.error(new IllegalStateException("simulated failure")));

        try {
            addThenFail.as(transaction::transactional).block();
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        // A registration committed after the rolled-back one: once its event is out, the other one would be too.
        String later = register(uniqueEmail());
        await().atMost(RELAY_BOUND).until(() -> !published.forUser(later).isEmpty());

        assertThat(published.forUser(user.id().toString())).isEmpty();
        assertThat(database.sql("SELECT count(*) FROM users WHERE id = :id")
                        .bind("id", user.id().value())
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void registrations_made_while_the_relay_is_stopped_are_published_when_it_starts_again() {
        relay.stop();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(register(uniqueEmail()));
        }
        assertThat(published.poll()).noneMatch(event -> registered.contains(event.key()));

        relay.start();

        await().atMost(RELAY_BOUND)
                .untilAsserted(() -> assertThat(registered)
                        .allSatisfy(id -> assertThat(published.forUser(id)).hasSize(1)));
    }

    @Test
    void readiness_reports_the_relay_streaming_from_the_slot() {
        register(uniqueEmail());

        await().atMost(RELAY_BOUND)
                .untilAsserted(() -> http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.components.relay.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.relay.details.role")
                        .isEqualTo("active"));
    }

    private String register(String email) {
        return register(email, TraceParent.newRoot().value());
    }

    private String register(String email, String traceparent) {
        Map<?, ?> body = http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .header(TraceParent.HEADER, traceparent)
                .bodyValue(Map.of("email", email, "password", "correct horse"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return body.get("id").toString();
    }
}
