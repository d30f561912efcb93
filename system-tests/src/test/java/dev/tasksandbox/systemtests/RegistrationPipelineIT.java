package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.testkit.AccountsApi;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user registers through the gateway; projects-service creates the example project from the event.
 * Nothing but the databases is inspected: what a user would find.
 */
@ExtendWith(SharedStack.class)
class RegistrationPipelineIT {

    private static final Duration PIPELINE_BOUND = Duration.ofSeconds(60);
    private static final int WARM_UP_REGISTRATIONS = 500;
    private static Stack stack;
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void useStack() {
        stack = SharedStack.get();
    }

    @Test
    void every_user_gets_exactly_one_example_project_even_when_accounts_is_killed_midway() throws Exception {
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        int perPhase = 150;

        registerConcurrently(run, 0, perPhase);
        // Kill -9 right after a burst: the relay is still publishing, its offsets are not all flushed.
        stack.crashAndRestartAccounts();
        registerConcurrently(run, perPhase, perPhase);

        Set<String> users = usersOfRun(run);
        assertThat(users).hasSizeGreaterThanOrEqualTo(2 * perPhase);
        await().atMost(PIPELINE_BOUND).until(() -> exampleProjectsByOwner(users).size() == users.size());

        Map<String, Integer> projectsPerUser = exampleProjectsByOwner(users);
        assertThat(projectsPerUser.values()).containsOnly(1);
        assertThat(projectsPerUser.keySet()).isEqualTo(users);
        assertThat(tasksPerExampleProject(users))
                .containsOnly("1:Sign up!:done|2:Watch the tutorial:open|3:Start using our awesome app:open");
    }

    @Test
    void a_standby_instance_takes_over_the_relay_when_the_active_one_dies() throws Exception {
        String run = "standby-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess standby = stack.startSecondAccounts()) {
            await().atMost(PIPELINE_BOUND).until(() -> "standby".equals(RelayRole.of(standby)));

            stack.crashAccounts();
            long crashed = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                AccountsApi.at(standby.baseUrl()).registered(run + "-" + i + "@example.com", PASSWORD);
            }
            Set<String> users = usersOfRun(run);
            await().atMost(PIPELINE_BOUND)
                    .until(() -> exampleProjectsByOwner(users).size() == users.size());
            System.out.printf(
                    "BENCHMARK standby took over: 20 registrations made after the active instance was killed "
                            + "all had their example project %.1f s after the kill%n",
                    (System.nanoTime() - crashed) / 1e9);

            assertThat(exampleProjectsByOwner(users).values()).hasSize(20).containsOnly(1);
            await().atMost(PIPELINE_BOUND).until(() -> "active".equals(RelayRole.of(standby)));
        } finally {
            stack.crashAndRestartAccounts();
        }
    }

    /**
     * A benchmark more than a test: prints the latency from the registration's commit in accounts to the example
     * project's commit in projects, through the outbox, the WAL, Debezium, Kafka and the consumer.
     */
    @Test
    void latency_from_registration_to_example_project_is_reported() throws Exception {
        String run = "latency-" + UUID.randomUUID().toString().substring(0, 8);
        // Warm-up, not measured: another test may just have restarted accounts-service, whose JIT compilers
        // would otherwise still be at work during the measured run. This measures the steady state.
        for (int i = 0; i < WARM_UP_REGISTRATIONS; i++) {
            AccountsApi.at(stack.gatewayUrl()).registered("warmup-" + run + "-" + i + "@example.com", PASSWORD);
        }
        // The measured run starts once the warm-up's events are all handled, not while they still queue.
        Set<String> warmedUp = usersOfRun("warmup-" + run);
        await().atMost(PIPELINE_BOUND)
                .until(() -> exampleProjectsByOwner(warmedUp).size() == warmedUp.size());
        int count = 250;
        // Paced, not flat out: this measures how long one event takes, not how many fit on two cores.
        long pace = Duration.ofMillis(20).toNanos();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            AccountsApi.at(stack.gatewayUrl()).registered(run + "-" + i + "@example.com", PASSWORD);
            next += pace;
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
        }
        Set<String> users = usersOfRun(run);
        await().atMost(PIPELINE_BOUND).until(() -> exampleProjectsByOwner(users).size() == users.size());

        Map<String, Instant> registered = commitTimes(
                "accounts",
                "SELECT id::text, pg_xact_commit_timestamp(xmin) FROM users WHERE id::text = ANY (?)",
                users);
        Map<String, Instant> projected = commitTimes("projects", """
                SELECT owner_id::text, pg_xact_commit_timestamp(xmin) FROM projects
                WHERE name = 'My first project' AND owner_id::text = ANY (?)""", users);
        Map<String, Instant> published = publishTimes(users);

        report("registration commit -> example project commit", registered, projected);
        report("registration commit -> published on Kafka (relay)", registered, published);
        report("published on Kafka -> example project commit (consumer)", published, projected);
        assertThat(projected).hasSize(count);
    }

    private void registerConcurrently(String run, int from, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                String email = run + "-" + i + "@example.com";
                answers.add(
                        clients.submit(() -> AccountsApi.at(stack.gatewayUrl()).tryRegister(email, PASSWORD)));
            }
            for (Future<Optional<String>> answer : answers) {
                assertThat(answer.get())
                        .as("every registration while the service runs is answered 201")
                        .isPresent();
            }
        } finally {
            clients.shutdown();
        }
    }

    private static Set<String> usersOfRun(String run) throws SQLException {
        try (Connection accounts = stack.database("accounts");
                PreparedStatement query = accounts.prepareStatement("SELECT id FROM users WHERE email LIKE ?")) {
            query.setString(1, run + "-%");
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static Map<String, Integer> exampleProjectsByOwner(Set<String> users) throws SQLException {
        try (Connection projects = stack.database("projects");
                PreparedStatement query = projects.prepareStatement("""
                     SELECT owner_id::text, count(*) FROM projects
                     WHERE name = 'My first project' AND owner_id::text = ANY (?) GROUP BY owner_id""")) {
            query.setArray(1, projects.createArrayOf("text", users.toArray()));
            Map<String, Integer> counts = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    private static Set<String> tasksPerExampleProject(Set<String> users) throws SQLException {
        try (Connection projects = stack.database("projects");
                PreparedStatement query = projects.prepareStatement("""
                     SELECT string_agg(t.number || ':' || t.name || ':' ||
                                       CASE WHEN t.completed_at IS NULL THEN 'open' ELSE 'done' END, '|' ORDER BY t.number)
                     FROM projects p JOIN tasks t ON t.project_id = p.id
                     WHERE p.owner_id::text = ANY (?) GROUP BY p.id""")) {
            query.setArray(1, projects.createArrayOf("text", users.toArray()));
            Set<String> shapes = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shapes.add(rows.getString(1));
                }
            }
            return shapes;
        }
    }

    /**
     * Commit times by id, from a query whose one parameter is the array of ids. Both databases live in one PostgreSQL
     * server with track_commit_timestamp on, so all times come from the same clock, the machine's.
     */
    private static Map<String, Instant> commitTimes(String database, String query, Set<String> ids)
            throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection connection = stack.database(database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    times.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    /** When the relay handed each user's event to Kafka: the record's producer timestamp. */
    private static Map<String, Instant> publishTimes(Set<String> users) {
        Map<String, Instant> times = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "benchmark-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("accounts.user-events"));
            await().atMost(PIPELINE_BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (users.contains(record.key())) {
                        times.putIfAbsent(record.key(), Instant.ofEpochMilli(record.timestamp()));
                    }
                });
                return times.keySet().containsAll(users);
            });
        }
        return times;
    }

    private static void report(String stage, Map<String, Instant> from, Map<String, Instant> to) {
        List<Double> millis = new ArrayList<>();
        from.forEach(
                (id, start) -> millis.add(Duration.between(start, to.get(id)).toNanos() / 1e6));
        System.out.printf(
                "BENCHMARK %s, %d registrations paced 20 ms apart: %s%n",
                stage, millis.size(), Latencies.summary(millis));
    }
}
