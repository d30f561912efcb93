package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.JitSettling;
import dev.tasksandbox.testkit.ProcessCpu;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user registers through the gateway; projects-service creates the example project from the event.
 * Nothing but the databases is inspected: what a user would find.
 */
@ExtendWith(SharedStack.class)
class RegistrationPipelineIT {

    private static final Duration PIPELINE_BOUND = RegistrationLatency.PIPELINE_BOUND;
    private static final int WARM_UP_REGISTRATIONS = 500;
    private static final int MEASURED_REGISTRATIONS = 250;
    private static final String PASSWORD = RegistrationLatency.PASSWORD;
    private static Stack stack;
    private static RegistrationLatency pipeline;

    @BeforeAll
    static void useStack() {
        stack = SharedStack.get();
        pipeline = new RegistrationLatency(stack);
    }

    @Test
    void every_user_gets_exactly_one_example_project_even_when_accounts_is_killed_midway() throws Exception {
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        int perPhase = 150;

        registerConcurrently(run, 0, perPhase);
        // Kill -9 right after a burst: the relay is still publishing, its offsets are not all flushed.
        stack.crashAndRestartAccounts();
        registerConcurrently(run, perPhase, perPhase);

        Set<String> users = pipeline.usersOfRun(run);
        assertThat(users).hasSizeGreaterThanOrEqualTo(2 * perPhase);
        await().atMost(PIPELINE_BOUND)
                .until(() -> pipeline.exampleProjectsByOwner(users).size() == users.size());

        Map<String, Integer> projectsPerUser = pipeline.exampleProjectsByOwner(users);
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
            // While the first instance streams (registrations keep it moving), the standby runs no engine: it says
            // so once, and nothing of Debezium's appears under its pid (an engine started then could fail on the
            // other instance's progress, with an ERROR and a stack).
            registerConcurrently(run + "before", 0, 20);
            await().atMost(PIPELINE_BOUND)
                    .until(() -> linesOf(standby).stream().anyMatch(line -> line.contains("standing by")));
            assertThat(linesOf(standby)).noneMatch(line -> line.contains(" i.d.") || line.contains(" ERROR "));

            stack.crashAccounts();
            long crashed = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                AccountsApi.at(standby.baseUrl()).registered(run + "-" + i + "@example.com", PASSWORD);
            }
            Set<String> users = pipeline.usersOfRun(run);
            await().atMost(PIPELINE_BOUND)
                    .until(() -> pipeline.exampleProjectsByOwner(users).size() == users.size());
            System.out.printf(
                    "BENCHMARK standby took over: 20 registrations made after the active instance was killed "
                            + "all had their example project %.1f s after the kill%n",
                    (System.nanoTime() - crashed) / 1e9);

            assertThat(pipeline.exampleProjectsByOwner(users).values())
                    .hasSize(20)
                    .containsOnly(1);
            await().atMost(PIPELINE_BOUND).until(() -> "active".equals(RelayRole.of(standby)));
        } finally {
            stack.crashAndRestartAccounts();
        }
    }

    /**
     * A benchmark more than a test: prints the latency from the registration's commit in accounts to the example
     * project's commit in projects, through the outbox, the WAL, Debezium, Kafka and the consumer. In the build's
     * run a fixed warm-up precedes it (the JIT is not settled, JaCoCo records coverage in every service).
     */
    @Test
    void latency_from_registration_to_example_project_is_reported() throws Exception {
        pipeline.warmUp(WARM_UP_REGISTRATIONS);
        RegistrationLatency.Stages stages = pipeline.measure(MEASURED_REGISTRATIONS);
        stages.print(MEASURED_REGISTRATIONS + " registrations paced 20 ms apart, after " + WARM_UP_REGISTRATIONS
                + " warm-up registrations");
        assertThat(stages.toExampleProject()).hasSize(MEASURED_REGISTRATIONS);
    }

    /**
     * The same latency as the bound is about: once the JIT of every JVM on the path (gateway, accounts
     * with its relay, projects) has settled, and with no coverage agent ({@code -Pbenchmarks}).
     */
    @Test
    @Tag("benchmark")
    void latency_from_registration_to_example_project_once_settled_is_reported() throws Exception {
        Map<String, ProcessHandle> path = Map.of(
                "gateway", stack.process("gateway"),
                "accounts", stack.process("accounts"),
                "projects", stack.process("projects"));
        JitSettling.Warmed warmed = JitSettling.of(path.values().toArray(ProcessHandle[]::new))
                .warm(() -> pipeline.warmUp(WARM_UP_REGISTRATIONS), 30);
        ProcessCpu cpu = ProcessCpu.of(path, SharedInfrastructure.get());
        RegistrationLatency.Stages stages = pipeline.measure(MEASURED_REGISTRATIONS);
        stages.print(MEASURED_REGISTRATIONS + " registrations paced 20 ms apart, JIT " + warmed.after("warm-up passes")
                + "; CPU ms per registration: " + cpu.line(MEASURED_REGISTRATIONS));
        assertThat(stages.toExampleProject()).hasSize(MEASURED_REGISTRATIONS);
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

    /** The lines the service with {@code process}'s pid wrote into the stack's log. */
    private static List<String> linesOf(ServiceProcess process) throws IOException {
        String pid = " " + process.pid() + " --- ";
        return Files.readAllLines(stack.serviceLog(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(pid))
                .toList();
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
}
