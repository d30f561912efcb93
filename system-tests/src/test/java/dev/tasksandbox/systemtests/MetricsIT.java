package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.ServiceProcess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's Prometheus scrapes: one registration moves the relay's, the consumer's and the HTTP
 * meters of each part. The gateway here runs as docker-compose.yml runs it, with the actuator on a port of its
 * own, so that its public port never serves metrics.
 */
@ExtendWith(SharedStack.class)
class MetricsIT {

    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);
    private static ServiceProcess gateway;
    private static Api accounts;
    private static Api projects;

    @BeforeAll
    static void startGatewayWithManagementPort() {
        Stack stack = SharedStack.get();
        gateway = stack.startGateway(Map.of("MANAGEMENT_PORT", Integer.toString(FreePort.orAny(0))));
        accounts = new Api(stack.accountsActuator());
        projects = new Api(stack.projectsActuator());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void a_registration_is_counted_by_the_relay_the_consumer_and_the_http_servers() {
        Api gatewayActuator = new Api(gateway.managementUrl());
        Metrics accountsBefore = Metrics.of(accounts);
        Metrics projectsBefore = Metrics.of(projects);

        Api.Answer registered = new Api(gateway.baseUrl()).post("/api/users",
                body("email", "metrics-" + UUID.randomUUID() + "@example.com", "password", "long enough"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        await().atMost(EVENT_BOUND).until(() -> Metrics.of(projects).sum("spring_kafka_listener_seconds_count", "result=\"success\"")
                > projectsBefore.sum("spring_kafka_listener_seconds_count", "result=\"success\""));
        Metrics accountsAfter = Metrics.of(accounts);
        assertThat(accountsAfter.sum("outbox_relay_events_total") - accountsBefore.sum("outbox_relay_events_total"))
                .isGreaterThanOrEqualTo(1);
        double lagged = accountsAfter.sum("outbox_relay_lag_seconds_count") - accountsBefore.sum("outbox_relay_lag_seconds_count");
        double lagSeconds = accountsAfter.sum("outbox_relay_lag_seconds_sum") - accountsBefore.sum("outbox_relay_lag_seconds_sum");
        assertThat(lagged).isGreaterThanOrEqualTo(1);
        assertThat(lagSeconds / lagged).as("mean relay lag, from commit to Kafka's acknowledgement, in seconds")
                .isGreaterThan(0).isLessThan(EVENT_BOUND.toSeconds());
        assertThat(accountsAfter.sum("http_server_requests_seconds_count", "uri=\"/api/users\"", "status=\"201\""))
                .isGreaterThan(accountsBefore.sum("http_server_requests_seconds_count", "uri=\"/api/users\"", "status=\"201\""));
        assertThat(Metrics.of(projects).names()).as("consumer lag, in records, per partition fetcher")
                .contains("kafka_consumer_fetch_manager_records_lag_max");

        assertThat(Metrics.of(gatewayActuator).sum("spring_cloud_gateway_requests_seconds_count",
                "routeId=\"accounts\"", "httpStatusCode=\"201\"")).isEqualTo(1);
        assertThat(new Api(gateway.baseUrl()).get("/actuator/prometheus").status())
                .as("metrics on the public port").isEqualTo(404);
    }

    /** One scrape in Prometheus' text format: each series, with its labels, and its value. */
    private record Metrics(Map<String, Double> series) {

        static Metrics of(Api actuator) {
            Api.Answer scrape = actuator.get("/prometheus");
            assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
            return new Metrics(scrape.body().lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .collect(Collectors.toMap(
                            line -> line.substring(0, line.lastIndexOf(' ')),
                            line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))));
        }

        /** The sum over every series of {@code name} whose labels include each of {@code labels}. */
        double sum(String name, String... labels) {
            return series.entrySet().stream()
                    .filter(entry -> nameOf(entry.getKey()).equals(name))
                    .filter(entry -> Arrays.stream(labels).allMatch(entry.getKey()::contains))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }

        java.util.Set<String> names() {
            return series.keySet().stream().map(Metrics::nameOf).collect(Collectors.toSet());
        }

        private static String nameOf(String series) {
            int labels = series.indexOf('{');
            return labels < 0 ? series : series.substring(0, labels);
        }
    }
}
