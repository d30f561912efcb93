package dev.tasksandbox.systemtests;

import static org.awaitility.Awaitility.await;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How long a registration takes to become an example project, on a running stack: registrations paced through
 * the gateway, then, per user, the commit times of the user and of the example project (both databases live in one
 * PostgreSQL server with {@code track_commit_timestamp} on, so both come from one clock) and the record's producer
 * timestamp on Kafka. What a user would find, read from the databases and the topic only.
 */
final class RegistrationLatency {

    static final Duration PIPELINE_BOUND = Duration.ofSeconds(60);
    static final String PASSWORD = "correct horse battery";
    /** Paced, not flat out: this measures how long one event takes, not how many fit on two cores. */
    private static final Duration PACE = Duration.ofMillis(20);

    private final Stack stack;

    RegistrationLatency(Stack stack) {
        this.stack = stack;
    }

    /** Milliseconds per registration, by stage. */
    record Stages(
            List<Double> answered, List<Double> toExampleProject, List<Double> toKafka, List<Double> kafkaToProject) {

        void print(String label) {
            System.out.printf(
                    "BENCHMARK %s%n  POST /api/users answered: %s%n  registration commit -> example project commit: %s"
                            + "%n  registration commit -> published on Kafka (relay): %s"
                            + "%n  published on Kafka -> example project commit (consumer): %s%n",
                    label,
                    Latencies.summary(answered),
                    Latencies.summary(toExampleProject),
                    Latencies.summary(toKafka),
                    Latencies.summary(kafkaToProject));
        }
    }

    /**
     * {@code registrations} registrations one after another, not measured (the JIT compilers of a fresh service
     * would still be at work), returning once every one of them has its example project: a measurement that
     * follows starts with nothing queued.
     */
    void warmUp(int registrations) {
        String run = "warmup-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < registrations; i++) {
            AccountsApi.at(stack.gatewayUrl()).registered(run + "-" + i + "@example.com", PASSWORD);
        }
        await().atMost(PIPELINE_BOUND).until(() -> {
            Set<String> users = usersOfRun(run);
            return exampleProjectsByOwner(users).size() == users.size();
        });
    }

    /** {@code count} registrations {@link #PACE} apart, each measured once its example project exists. */
    Stages measure(int count) throws SQLException {
        String run = "latency-" + UUID.randomUUID().toString().substring(0, 8);
        List<Double> answered = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            AccountsApi.at(stack.gatewayUrl()).registered(run + "-" + i + "@example.com", PASSWORD);
            answered.add((System.nanoTime() - sent) / 1e6);
            next += PACE.toNanos();
            LockSupport.parkNanos(next - System.nanoTime());
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
        return new Stages(
                answered,
                between(registered, projected),
                between(registered, published),
                between(published, projected));
    }

    /** The ids of the users whose email starts with {@code run}. */
    Set<String> usersOfRun(String run) throws SQLException {
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

    /** How many example projects each of {@code users} has, for those who have one. */
    Map<String, Integer> exampleProjectsByOwner(Set<String> users) throws SQLException {
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

    private static List<Double> between(Map<String, Instant> from, Map<String, Instant> to) {
        List<Double> millis = new ArrayList<>();
        from.forEach(
                (id, start) -> millis.add(Duration.between(start, to.get(id)).toNanos() / 1e6));
        return millis;
    }

    /** Commit times by id, from a query whose one parameter is the array of ids. */
    private Map<String, Instant> commitTimes(String database, String query, Set<String> ids) throws SQLException {
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
    private Map<String, Instant> publishTimes(Set<String> users) {
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
}
