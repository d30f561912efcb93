package dev.tasksandbox.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.projects.messaging.EventsTopic.DeadLetterReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an operator on call meets: an event that cannot take effect is dead-lettered with its cause and does not
 * hold up the users behind it; once its cause is fixed, it is replayed from the management port and takes
 * effect once, however often it is replayed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLettersIT extends ProjectsServiceIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @LocalManagementPort
    int managementPort;

    private EventEffects effects;

    @org.junit.jupiter.api.BeforeEach
    void readEffects() {
        effects = new EventEffects(database);
    }

    @Test
    void an_event_the_database_refuses_is_dead_lettered_with_its_cause_and_the_next_one_of_its_partition_goes_on(
            CapturedOutput output) {
        UUID user = UUID.randomUUID();
        UserAccountCreated poison = new UserAccountCreated(UUID.randomUUID(), user, Instant.now());
        UserAccountCreated next = new UserAccountCreated(UUID.randomUUID(), user, Instant.now());
        double deadLetteredBefore = deadLettered();

        try (DeadLetterReader deadLetters = new DeadLetterReader()) {
            // Readable, but beyond PostgreSQL's range of timestamps: no retry can make it fit.
            EventsTopic.publish(poison, "+300000-01-01T00:00:00Z");
            EventsTopic.publish(next); // same key, same partition, behind the poison

            await().atMost(BOUND).until(() -> effects.exampleProjectsOf(next.userId()) == 1);
            ConsumerRecord<String, String> letter = await().atMost(BOUND)
                    .until(() -> deadLetters.lettersWithKey(user.toString()), letters -> !letters.isEmpty())
                    .get(0);

            assertThat(letter.value()).contains(poison.eventId().toString());
            assertThat(RecordHeaders.text(letter, AccountEvents.ID_HEADER))
                    .isEqualTo(poison.eventId().toString());
            assertThat(RecordHeaders.text(letter, "kafka_dlt-original-topic")).isEqualTo(AccountEvents.TOPIC);
            assertThat(RecordHeaders.text(letter, "kafka_dlt-original-partition"))
                    .isNotNull();
            assertThat(RecordHeaders.text(letter, "kafka_dlt-original-offset")).isNotNull();
            assertThat(RecordHeaders.text(letter, "kafka_dlt-original-timestamp"))
                    .isNotNull();
            assertThat(RecordHeaders.text(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(RecordHeaders.text(letter, "kafka_dlt-exception-message"))
                    .isNotBlank();
        }
        assertThat(effects.timesProcessed(poison.eventId()))
                .as("a dead letter is not recorded as processed")
                .isZero();
        assertThat(output.getOut())
                .as("a dead letter is one WARN line, not an ERROR with a stack")
                .contains("dead-lettered after")
                .doesNotContain(" ERROR ");
        await().atMost(BOUND).until(() -> deadLettered() > deadLetteredBefore); // counted once the DLT took it
        assertThat(deadLettered()).isEqualTo(deadLetteredBefore + 1);
    }

    @Test
    void a_dead_letter_fixed_at_its_source_and_replayed_takes_effect_once_however_often_it_is_replayed() {
        UserAccountCreated event = new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        try (ProjectsRefused refused = refuseProjectsOf(event.userId());
                DeadLetterReader deadLetters = new DeadLetterReader()) {
            EventsTopic.publish(event);
            await().atMost(BOUND)
                    .until(() -> !deadLetters.withKey(event.userId().toString()).isEmpty());
        } // closing the refusal is the fix
        assertThat(effects.exampleProjectsOf(event.userId())).isZero();

        Map<String, Object> first = replay(Map.of("eventId", event.eventId().toString()));
        await().atMost(BOUND).until(() -> effects.exampleProjectsOf(event.userId()) == 1);
        Map<String, Object> second = replay(Map.of("eventId", event.eventId().toString()));
        UserAccountCreated marker = new UserAccountCreated(
                UUID.randomUUID(), EventsTopic.anotherUserOnThePartitionOf(event.userId()), Instant.now());
        EventsTopic.publish(marker); // behind the second replay on the same partition
        await().atMost(BOUND).until(() -> effects.timesProcessed(marker.eventId()) == 1);

        assertThat(first).containsEntry("replayed", 1);
        assertThat(second).containsEntry("replayed", 1);
        assertThat(effects.exampleProjectsOf(event.userId()))
                .as("the second replay changed nothing")
                .isEqualTo(1);
        assertThat(meters.counter("projects.events.replayed").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_letter_replayed_before_its_cause_is_fixed_returns_to_the_dead_letter_topic() {
        UserAccountCreated event = new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        try (ProjectsRefused refused = refuseProjectsOf(event.userId());
                DeadLetterReader deadLetters = new DeadLetterReader()) {
            EventsTopic.publish(event);
            await().atMost(BOUND)
                    .until(() -> deadLetters.withKey(event.userId().toString()).size() == 1);

            replay(Map.of("eventId", event.eventId().toString())); // the cause is still there

            await().atMost(BOUND)
                    .until(() -> deadLetters.withKey(event.userId().toString()).size() == 2);
        }
        assertThat(effects.exampleProjectsOf(event.userId())).isZero();
        assertThat(effects.timesProcessed(event.eventId())).isZero();
    }

    @Test
    void the_dead_letters_are_counted_per_partition() {
        Map<String, Object> letters = management()
                .get()
                .uri("/actuator/deadletters")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(letters).containsKeys("partitions", "total");
        assertThat((Map<?, ?>) letters.get("partitions")).hasSize(AccountEvents.PARTITIONS);
    }

    @Test
    void an_offset_range_without_its_partition_is_refused() {
        management()
                .post()
                .uri("/actuator/deadletters")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromOffset", 0))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void the_management_port_is_not_the_api_port_and_the_api_port_has_no_replay() {
        assertThat(managementPort).isPositive();
        // On the API's port the endpoint does not exist: an API client can never replay.
        http.post()
                .uri("/actuator/deadletters")
                .header(
                        "Authorization",
                        "Bearer " + accessToken(UUID.randomUUID().toString()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Autowired
    WebTestClient http;

    private Map<String, Object> replay(Map<String, Object> selection) {
        return management()
                .post()
                .uri("/actuator/deadletters")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(selection)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    /** The database refuses this user's projects, deterministically, until closed: a cause an operator can fix. */
    private ProjectsRefused refuseProjectsOf(UUID user) {
        String constraint = "refuse_" + user.toString().replace('-', '_');
        database.sql("ALTER TABLE projects ADD CONSTRAINT " + constraint + " CHECK (owner_id <> '" + user + "')")
                .then()
                .block();
        return () -> database.sql("ALTER TABLE projects DROP CONSTRAINT " + constraint)
                .then()
                .block();
    }

    private interface ProjectsRefused extends AutoCloseable {
        @Override
        void close();
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(BOUND)
                .build();
    }

    private double deadLettered() {
        return meters.find("projects.events.dead.lettered").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
