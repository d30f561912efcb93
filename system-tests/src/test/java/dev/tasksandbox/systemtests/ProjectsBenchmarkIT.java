package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.JitSettling;
import dev.tasksandbox.testkit.ProcessCpu;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput and latency of projects-service with a valid token: 32 clients for 30 s reading a task list, then
 * adding tasks, straight to the service; the same read through the gateway and straight, in the same run, for
 * the gateway's cost; the time of a project page for a user with 100,000 projects.
 * Run with {@code ./mvnw verify -Pbenchmarks -pl system-tests}.
 */
@Tag("benchmark")
@ExtendWith(SharedStack.class)
class ProjectsBenchmarkIT {

    private static final int CLIENTS = 32;
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** A request that hangs fails the run instead of holding a load client forever. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(15);

    private static Stack stack;
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void useStack() {
        stack = SharedStack.get();
    }

    @Test
    void reading_a_task_list_and_adding_tasks_under_load() throws Exception {
        String token = newUserToken();
        String project = createProject(token, "Benchmark project");
        for (int i = 1; i <= 10; i++) {
            send(post(project + "/tasks", token, "{\"name\":\"Task number " + i + "\"}"));
        }
        HttpRequest readTasks = get(project + "/tasks", token);
        LoadRun.run(CLIENTS, Duration.ofSeconds(5), 200, client -> () -> send(readTasks)); // warm-up

        LoadRun.Result reads = LoadRun.run(CLIENTS, RUN, 200, client -> () -> send(readTasks));
        System.out.println("BENCHMARK GET /api/projects/{id}/tasks (10 tasks), " + CLIENTS + " clients: " + reads);

        List<String> projects = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            projects.add(createProject(token, "Writer " + i));
        }
        LoadRun.Result writes = LoadRun.run(CLIENTS, RUN, 303, client -> {
            HttpRequest addTask = post(projects.get(client) + "/tasks", token, "{\"name\":\"Another task\"}");
            return () -> send(addTask);
        });
        System.out.println(
                "BENCHMARK POST /api/projects/{id}/tasks, " + CLIENTS + " clients, one project each: " + writes);
        assertThat(reads.failures()).isZero();
        assertThat(writes.failures()).isZero();
    }

    /**
     * What one authenticated read costs, straight to projects-service and through the gateway, paired in one run:
     * load from {@code wrk} (its own process), once the JIT of both JVMs has settled, then rounds alternating
     * which goes first. Each run prints requests per second, p50 and p99, and the CPU milliseconds per request of
     * projects-service, the gateway and PostgreSQL, read from {@code /proc} over the run.
     */
    @Test
    void the_cost_of_a_read_straight_and_through_the_gateway() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        AccountsApi.at(stack.accountsUrl()).registered(email, PASSWORD);
        String token = AccountsApi.at(stack.accountsUrl()).accessToken(email, PASSWORD);
        String project = createProject(token, "Read cost");
        for (int i = 1; i <= 10; i++) {
            send(post(project + "/tasks", token, "{\"name\":\"Task number " + i + "\"}"));
        }
        ProcessHandle projects = stack.process("projects");
        ProcessHandle gateway = stack.process("gateway");
        ReadRun straight = new ReadRun("straight", stack.projectsUrl() + project + "/tasks", email);
        ReadRun throughGateway = new ReadRun("through the gateway", stack.gatewayUrl() + project + "/tasks", email);
        JitSettling.Warmed warmed =
                JitSettling.of(projects, gateway).warm(() -> throughGateway.warmUp(WARM_UP_PASS), 40);

        List<Double> straightRates = new ArrayList<>();
        List<Double> gatewayRates = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            List<ReadRun> order =
                    round % 2 == 1 ? List.of(straight, throughGateway) : List.of(throughGateway, straight);
            for (ReadRun run : order) {
                double rate = run.measure(MEASURED_RUN);
                (run == straight ? straightRates : gatewayRates).add(rate);
            }
        }
        Collections.sort(straightRates);
        Collections.sort(gatewayRates);
        System.out.printf(
                "BENCHMARK reads, JIT %s, medians: straight %.0f req/s, through the gateway %.0f req/s: the gateway"
                        + " keeps %.2f of it%n",
                warmed.after("warm-up passes"),
                straightRates.get(1),
                gatewayRates.get(1),
                gatewayRates.get(1) / straightRates.get(1));
    }

    private static final Duration WARM_UP_PASS = Duration.ofSeconds(15);
    private static final Duration MEASURED_RUN = Duration.ofSeconds(20);

    /** One kind of read run by wrk, with a fresh token each time (the warm-up can outlast a token). */
    private static final class ReadRun {
        private final String label;
        private final String url;
        private final String email;

        ReadRun(String label, String url, String email) {
            this.label = label;
            this.url = url;
            this.email = email;
        }

        /** Runs it as a warm-up pass: its line says so. */
        void warmUp(Duration duration) {
            run(duration, "warm-up, ");
        }

        /** Runs it, prints its line, returns its requests per second. */
        double measure(Duration duration) {
            return run(duration, "");
        }

        private double run(Duration duration, String pass) {
            try {
                String token = AccountsApi.at(stack.accountsUrl()).accessToken(email, PASSWORD);
                ProcessCpu cpu = ProcessCpu.of(
                        Map.of("projects", stack.process("projects"), "gateway", stack.process("gateway")),
                        SharedInfrastructure.get());
                Wrk.Result result = Wrk.get(url, Map.of("Authorization", "Bearer " + token), CLIENTS, duration);
                System.out.printf(
                        "BENCHMARK GET /api/projects/{id}/tasks (10 tasks), %s%s: %s; CPU ms per request: %s%n",
                        pass, label, result, cpu.line(result.requests()));
                assertThat(result.failures()).isZero();
                return result.requestsPerSecond();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void a_page_of_projects_for_a_user_with_100000_projects() throws Exception {
        String token = newUserToken();
        String owner = AccountsApi.at(stack.accountsUrl()).userIdOf(token);
        String deepCursor;
        try (Connection projects = stack.database("projects")) {
            try (PreparedStatement insert = projects.prepareStatement("""
                    INSERT INTO projects (id, owner_id, name, archived, last_task_number, version)
                    SELECT gen_random_uuid(), ?::uuid, 'Project ' || n, false, 0, 0 FROM generate_series(1, 100000) n""")) {
                insert.setString(1, owner);
                insert.executeUpdate();
            }
            projects.createStatement().execute("ANALYZE projects");
            try (PreparedStatement cursor = projects.prepareStatement(
                    "SELECT id::text FROM projects WHERE owner_id = ?::uuid ORDER BY position OFFSET 90000 LIMIT 1")) {
                cursor.setString(1, owner);
                try (ResultSet row = cursor.executeQuery()) {
                    row.next();
                    deepCursor = row.getString(1);
                }
            }
        }
        double first = medianMillis(get("/api/projects?limit=100", token));
        double deep = medianMillis(get("/api/projects?limit=100&after=" + deepCursor, token));
        System.out.printf(
                "BENCHMARK GET /api/projects?limit=100 for a user with 100,000 projects, median of 50: "
                        + "first page %.1f ms, page after the 90,000th project %.1f ms%n",
                first, deep);
    }

    private String newUserToken() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        AccountsApi accounts = AccountsApi.at(stack.accountsUrl());
        accounts.registered(email, PASSWORD);
        return accounts.accessToken(email, PASSWORD);
    }

    private String createProject(String token, String name) throws Exception {
        HttpResponse<Void> created = HTTP.send(
                post("/api/projects", token, "{\"name\":\"" + name + "\"}"), HttpResponse.BodyHandlers.discarding());
        assertThat(created.statusCode()).isEqualTo(303);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static double medianMillis(HttpRequest request) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            assertThat(send(request)).isEqualTo(200);
            if (i >= 10) {
                nanos.add(System.nanoTime() - start);
            }
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    private static HttpRequest get(String path, String token) {
        return get(stack.projectsUrl(), path, token);
    }

    private static HttpRequest get(String baseUrl, String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_BOUND)
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private static HttpRequest post(String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create(stack.projectsUrl() + path))
                .timeout(REQUEST_BOUND)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static int send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
