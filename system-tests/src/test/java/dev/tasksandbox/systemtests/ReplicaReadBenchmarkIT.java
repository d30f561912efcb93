package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.localstack.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Read throughput through the gateway with one projects instance behind it and with two, paired in one run:
 * two gateways in front of the same two instances, one that knows only the first, one that balances over both,
 * measured in turn, twice. On a machine of two cores the second instance competes for the same cores as the
 * first, the gateway and wrk: the figure shows what balancing costs and gains where cores are not added.
 *
 * <p>{@code ./mvnw verify -Pbenchmarks -pl system-tests -Dit.test=ReplicaReadBenchmarkIT}
 */
@Tag("benchmark")
class ReplicaReadBenchmarkIT {

    private static final int ROUNDS = 2;
    private static final int CONNECTIONS = 32;
    private static final Duration READS = Duration.ofSeconds(20);
    /** A fresh JVM keeps its JIT compilers busy for about a minute of load (see TracingCostBenchmarkIT). */
    private static final Duration WARM_UP = Duration.ofSeconds(45);

    @Test
    void reads_through_the_gateway_with_one_and_with_two_projects_instances() throws Exception {
        try (ReplicaStack stack = new ReplicaStack().start();
                ServiceProcess toOne = stack.startGateway(1)) {
            Api.User user = new Api(stack.gatewayUrl()).newUser("reader");
            String tasks = TenTasks.of(stack.gatewayUrl(), user);
            String path = tasks.substring(stack.gatewayUrl().length());
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + user.accessToken());
            Map<String, String> gateways =
                    Map.of("1 projects instance", toOne.baseUrl() + path, "2 projects instances", tasks);
            for (String url : gateways.values()) {
                Wrk.get(url, bearer, CONNECTIONS, WARM_UP);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (String label : new String[] {"1 projects instance", "2 projects instances"}) {
                    Wrk.Result reads = Wrk.get(gateways.get(label), bearer, CONNECTIONS, READS);
                    System.out.printf(
                            "BENCHMARK %s, round %d: GET /api/projects/{id}/tasks (10 tasks) through the gateway,"
                                    + " %d connections: %s%n",
                            label, round, CONNECTIONS, reads);
                    assertThat(reads.failures()).isZero();
                }
            }
        }
    }
}
