package dev.tasksandbox.accounts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.accounts.application.Users;
import dev.tasksandbox.accounts.domain.PasswordHash;
import dev.tasksandbox.accounts.domain.User;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.outboxrelay.OutboxRelay;
import dev.tasksandbox.outboxrelay.RelayProperties;
import dev.tasksandbox.testkit.DatabaseOperator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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

    /** Slots and settings are the operator's, whose superuser the service's own role is not. */
    private static final DatabaseOperator OPERATOR = DatabaseOperator.of("accounts");

    @Autowired
    Users users;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JsonMapper json;

    @Autowired
    RelayProperties relayProperties;

    @Autowired
    MeterRegistry meters;

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
                .containsOnlyKeys("id", "type", "traceparent");
        // The same trace, sampled as the client asked, now with the relay's publish span as the parent.
        assertThat(event.headers().get("traceparent"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7")
                .endsWith("-01");
        assertThat(Instant.parse(payload.get("occurredAt").asString())).isBefore(Instant.now());
        assertThat(payload.get("occurredAt").asString()).endsWith("Z");
        assertThat(published.forUser(userId)).hasSize(1);
    }

    @Test
    void the_payload_has_exactly_the_fields_the_schema_in_the_contracts_requires() throws Exception {
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
    void a_row_stays_in_the_outbox_until_kafka_has_acknowledged_its_event_then_leaves() {
        relay.stop();
        String userId = register(uniqueEmail());
        assertThat(outboxRowsOf(userId)).as("kept while nothing published it").isEqualTo(1);

        relay.start();

        await().atMost(RELAY_BOUND).until(() -> !published.forUser(userId).isEmpty());
        await().atMost(RELAY_BOUND).until(() -> outboxRowsOf(userId) == 0);
    }

    @Test
    void a_slot_dropped_while_the_relay_is_stopped_is_recreated_and_the_outbox_republished() {
        assertRepublishedAfter(
                () -> OPERATOR.execute("SELECT pg_drop_replication_slot(?)", relayProperties.slotName()));
    }

    @Test
    void a_slot_moved_past_the_stored_position_is_recreated_and_the_outbox_republished() {
        // As if another reader had consumed the changes: the slot now starts after these registrations.
        assertRepublishedAfter(() -> OPERATOR.execute(
                "SELECT pg_replication_slot_advance(?, pg_current_wal_lsn())", relayProperties.slotName()));
    }

    @Test
    void a_slot_invalidated_by_the_wal_cap_is_recreated_and_the_outbox_republished() {
        assertRepublishedAfter(() -> {
            try {
                setWalCap("'1MB'");
                // Enough WAL in new segments that the slot's first segment falls outside the cap at a checkpoint.
                for (int i = 0; i < 3; i++) {
                    OPERATOR.execute("SELECT pg_logical_emit_message(false, 'test-wal-filler', repeat('x', 100000))");
                    OPERATOR.execute("SELECT pg_switch_wal()");
                }
                OPERATOR.execute("CHECKPOINT");
                assertThat(OPERATOR.queryString(
                                "SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?",
                                relayProperties.slotName()))
                        .isEqualTo("lost");
            } finally {
                setWalCap("DEFAULT");
            }
        });
    }

    /**
     * Registers users while the relay is stopped, does {@code slotLoss} to its slot, starts the relay, and
     * asserts that every one of them is published from the table, that their rows leave it, and that the
     * recovery was counted once.
     */
    private void assertRepublishedAfter(Runnable slotLoss) {
        relay.stop();
        List<String> registered = registerSome(3);
        slotLoss.run();

        double recoveries = recoveries();
        relay.start();

        awaitEachPublishedAndGone(registered);
        assertThat(recoveries()).isEqualTo(recoveries + 1);
    }

    @Test
    void a_relay_restarted_on_a_healthy_slot_resumes_without_republishing() {
        String before = register(uniqueEmail());
        await().atMost(RELAY_BOUND).until(() -> !published.forUser(before).isEmpty());
        relay.stop();
        String during = register(uniqueEmail());

        double recoveries = recoveries();
        relay.start();

        awaitEachPublishedAndGone(List.of(during));
        assertThat(recoveries()).isEqualTo(recoveries);
        assertThat(published.forUser(before)).hasSize(1);
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
    void the_relay_reports_in_its_own_health_group_not_in_readiness() {
        register(uniqueEmail());

        await().atMost(RELAY_BOUND)
                .untilAsserted(() -> actuator()
                        .get()
                        .uri("/health/relay")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.components.outboxRelay.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.outboxRelay.details.role")
                        .isEqualTo("active"));
        actuator()
                .get()
                .uri("/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.outboxRelay")
                .doesNotExist();
    }

    private List<String> registerSome(int count) {
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            registered.add(register(uniqueEmail()));
        }
        return registered;
    }

    private void awaitEachPublishedAndGone(List<String> userIds) {
        await().atMost(RELAY_BOUND)
                .untilAsserted(() -> assertThat(userIds)
                        .allSatisfy(id -> assertThat(published.forUser(id)).isNotEmpty()));
        await().atMost(RELAY_BOUND)
                .untilAsserted(() -> assertThat(userIds)
                        .allSatisfy(id -> assertThat(outboxRowsOf(id)).isZero()));
    }

    private long outboxRowsOf(String userId) {
        Long rows = database.sql("SELECT count(*) FROM outbox WHERE aggregateid = :user")
                .bind("user", userId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        return rows == null ? 0 : rows;
    }

    private double recoveries() {
        return meters.counter("outbox.relay.slot.recoveries").count();
    }

    /** ALTER SYSTEM cannot run in a transaction block, so each statement is sent on its own. */
    private static void setWalCap(String value) {
        OPERATOR.execute("ALTER SYSTEM SET max_slot_wal_keep_size = " + value);
        OPERATOR.execute("SELECT pg_reload_conf()");
    }

    /** A registration that starts a trace of its own. */
    private String register(String email) {
        return register(email, headers -> {});
    }

    private String register(String email, String traceparent) {
        return register(email, headers -> headers.set(TraceParent.HEADER, traceparent));
    }

    private String register(String email, Consumer<HttpHeaders> headers) {
        Map<?, ?> body = http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers)
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
