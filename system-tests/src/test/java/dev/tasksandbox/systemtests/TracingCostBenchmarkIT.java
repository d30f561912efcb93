package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost of tracing, paired in one run: the same stack with tracing switched off, sampling a tenth of the
 * traces, and sampling all of them, in turn, twice. Each setting gets a stack of its own (the services read it at
 * start), on the shared PostgreSQL and Kafka; one stack runs at a time, so its relay holds the slot.
 * Read throughput through the gateway comes from wrk (a process of its own); registration latency from the
 * paced registrations of {@link RegistrationLatency}.
 *
 * <p>Run it alone, since another stack of the JVM would hold the relay's slot:
 * {@code ./mvnw verify -Pbenchmarks -pl system-tests -Dit.test=TracingCostBenchmarkIT}.
 */
@Tag("benchmark")
class TracingCostBenchmarkIT {

    private static final Map<String, Map<String, String>> SETTINGS = new LinkedHashMap<>();

    static {
        // Off as an operator switches it off entirely: nothing recorded, nothing sent.
        SETTINGS.put("tracing off", Map.of("TRACING_ENABLED", "false", "TRACING_SAMPLING_PROBABILITY", "0"));
        SETTINGS.put("sampling 0.1", Map.of("TRACING_SAMPLING_PROBABILITY", "0.1"));
        SETTINGS.put("sampling 1.0", Map.of("TRACING_SAMPLING_PROBABILITY", "1.0"));
    }

    private static final int ROUNDS = 2;
    private static final int CONNECTIONS = 32;
    private static final Duration READS = Duration.ofSeconds(20);
    /**
     * A fresh service keeps its JIT compilers busy for about a minute of load on two cores (measured: 300 reads a
     * second through the gateway after 5 s of warm-up, 770 after 60 s): every setting gets the same long warm-up.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(45);

    @Test
    void reads_and_registrations_with_tracing_off_at_a_tenth_and_at_every_trace() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            for (Map.Entry<String, Map<String, String>> setting : SETTINGS.entrySet()) {
                String label = setting.getKey() + ", round " + round;
                try (Stack stack = new Stack("tracing-cost", setting.getValue()).start()) {
                    Api.User user = new Api(stack.gatewayUrl()).newUser("reader");
                    String tasks = TenTasks.of(stack.gatewayUrl(), user);
                    Map<String, String> bearer = Map.of("Authorization", "Bearer " + user.accessToken());
                    Wrk.get(tasks, bearer, CONNECTIONS, WARM_UP);
                    Wrk.Result reads = Wrk.get(tasks, bearer, CONNECTIONS, READS);
                    System.out.printf(
                            "BENCHMARK %s: GET /api/projects/{id}/tasks (10 tasks) through the gateway, %d connections: %s%n",
                            label, CONNECTIONS, reads);
                    assertThat(reads.failures()).isZero();

                    RegistrationLatency pipeline = new RegistrationLatency(stack);
                    pipeline.warmUp(300);
                    RegistrationLatency.Stages registrations = pipeline.measure(250);
                    registrations.print(label + ": 250 registrations paced 20 ms apart");
                    assertThat(registrations.toExampleProject()).hasSize(250);
                }
            }
        }
    }
}
