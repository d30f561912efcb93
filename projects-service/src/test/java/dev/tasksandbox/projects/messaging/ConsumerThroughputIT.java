package dev.tasksandbox.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.testkit.JitSettling;
import dev.tasksandbox.testkit.ProcessCpu;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How fast the consumer drains a backlog: 20,000 {@code UserAccountCreated} events put on the topic while the
 * consumers are stopped (as after an outage of projects-service), then timed from the consumers' start until
 * every new user has the example project, as the database says. Prints a {@code BENCHMARK} line; asserts no
 * speed, since this machine's varies, only what a user would find: one example project with three tasks each.
 */
class ConsumerThroughputIT extends ProjectsServiceIT {

    private static final int EVENTS = 20_000;
    private static final Duration BOUND = Duration.ofMinutes(3);

    @Autowired
    DatabaseClient database;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twenty_thousand_events_waiting_on_the_topic_each_become_one_example_project() throws Exception {
        drain("fresh consumers");
    }

    /**
     * The consumer's settled speed: backlogs drained until this JVM's JIT has settled, then three measured ones.
     * Run with {@code -Pbenchmarks}.
     */
    @Test
    @Tag("benchmark")
    void settled_consumers_drain_a_backlog_of_twenty_thousand_events() throws Exception {
        JitSettling.Warmed warmed = JitSettling.of(ProcessHandle.current()).warm(this::warmUp, 40);
        for (int round = 1; round <= 3; round++) {
            drain(warmed.after("warm-up backlogs") + ", round " + round);
        }
    }

    private void warmUp() {
        try {
            drain("warm-up");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void drain(String label) throws Exception {
        MessageListenerContainer consumers = listeners.getListenerContainer(UserAccountEventsListener.LISTENER_ID);
        assertThat(consumers).isNotNull();
        consumers.stop();
        List<UUID> users = new ArrayList<>(EVENTS);
        // Each partition's events are handled in order: the backlog is drained once each partition's last is.
        Map<Integer, UUID> lastOfEachPartition = new HashMap<>();
        try (KafkaProducer<String, String> producer = backlogProducer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                UUID user = UUID.randomUUID();
                users.add(user);
                UserAccountCreated event = new UserAccountCreated(UUID.randomUUID(), user, Instant.now());
                sent.add(producer.send(
                        EventsTopic.recordOf(event, event.occurredAt().toString())));
            }
            for (int i = 0; i < EVENTS; i++) {
                lastOfEachPartition.put(sent.get(i).get().partition(), users.get(i));
            }
        }
        List<UUID> lastUsers = List.copyOf(lastOfEachPartition.values());

        long started = System.nanoTime();
        ProcessCpu cpu = ProcessCpu.of(Map.of("projects", ProcessHandle.current()), SharedInfrastructure.get());
        consumers.start();
        // A cheap question, asked every 10 ms: counting every project that often would cost PostgreSQL more than
        // the consumers' own statements, and the benchmark would measure itself.
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> exampleProjectsOf(lastUsers) == lastUsers.size());
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(
                "BENCHMARK consumer, %s: %,d events waiting on the topic became example projects in %.2f s:"
                        + " %,.0f events/s; CPU ms per event: %s%n",
                label, EVENTS, seconds, EVENTS / seconds, cpu.line(EVENTS));
        assertThat(exampleProjectsOf(users))
                .as("one example project per new user")
                .isEqualTo(EVENTS);
        assertThat(tasksOfExampleProjectsOf(users)).as("three tasks each").isEqualTo(3L * EVENTS);
    }

    private long exampleProjectsOf(List<UUID> users) {
        return count(database.sql(
                        "SELECT count(*) FROM projects WHERE owner_id = ANY (:users) AND name = 'My first project'")
                .bind("users", users.toArray(UUID[]::new)));
    }

    private long tasksOfExampleProjectsOf(List<UUID> users) {
        return count(database.sql("""
                        SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id
                        WHERE p.owner_id = ANY (:users) AND p.name = 'My first project'""").bind("users", users.toArray(UUID[]::new)));
    }

    private static long count(DatabaseClient.GenericExecuteSpec query) {
        Long count = query.map(row -> row.get(0, Long.class)).one().block();
        return count == null ? 0 : count;
    }

    /** Batches freely: the backlog is put on the topic as fast as Kafka takes it, outside the measured time. */
    private static KafkaProducer<String, String> backlogProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfrastructure.get().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new StringSerializer());
    }
}
