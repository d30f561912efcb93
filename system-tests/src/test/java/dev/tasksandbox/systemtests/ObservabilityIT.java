package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator sees of one registration: the meters Prometheus scrapes move in each part, and the log lines
 * of the gateway, accounts-service and projects-service carry the registration's trace id. Every part's actuator
 * answers on a port of its own, so the gateway's public port never serves metrics.
 */
@ExtendWith(SharedStack.class)
class ObservabilityIT {

    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);
    /** How a plain log line shows its trace id: {@code [4bf92f3577b34da6a3ce929d0e0e4736]}. */
    private static final Pattern TRACE_TAG = Pattern.compile("\\[([0-9a-f]{32})]");

    private static ServiceProcess gateway;
    private static Api accounts;
    private static Api projects;

    @BeforeAll
    static void startGateway() {
        Stack stack = SharedStack.get();
        gateway = stack.startGateway(Map.of());
        accounts = new Api(stack.accountsActuator());
        projects = new Api(stack.projectsActuator());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void a_registration_is_counted_by_the_relay_the_consumer_and_the_http_servers() {
        Api gatewayActuator = new Api(gateway.managementUrl());
        Metrics accountsBefore = Metrics.of(accounts);
        Metrics projectsBefore = Metrics.of(projects);
        Metrics gatewayBefore = Metrics.of(gatewayActuator);

        Api.Answer registered = new Api(gateway.baseUrl())
                .post(
                        "/api/users",
                        body("email", "metrics-" + UUID.randomUUID() + "@example.com", "password", "long enough"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        await().atMost(EVENT_BOUND)
                .until(() -> Metrics.of(projects).sum("spring_kafka_listener_seconds_count", "error=\"none\"")
                        > projectsBefore.sum("spring_kafka_listener_seconds_count", "error=\"none\""));
        // The relay counts after Kafka's acknowledgement, which the consumer may beat: wait for it too.
        Metrics accountsAfter = await().atMost(EVENT_BOUND)
                .until(
                        () -> Metrics.of(accounts),
                        after -> after.sum("outbox_relay_events_total")
                                > accountsBefore.sum("outbox_relay_events_total"));
        double lagged = accountsAfter.sum("outbox_relay_lag_seconds_count")
                - accountsBefore.sum("outbox_relay_lag_seconds_count");
        double lagSeconds =
                accountsAfter.sum("outbox_relay_lag_seconds_sum") - accountsBefore.sum("outbox_relay_lag_seconds_sum");
        assertThat(lagged).isGreaterThanOrEqualTo(1);
        assertThat(lagSeconds / lagged)
                .as("mean relay lag, from commit to Kafka's acknowledgement, in seconds")
                .isGreaterThan(0)
                .isLessThan((double) EVENT_BOUND.toSeconds());
        assertThat(accountsAfter.sum("outbox_relay_lag_seconds_bucket", "le=\"+Inf\""))
                .as("a histogram")
                .isEqualTo(accountsAfter.sum("outbox_relay_lag_seconds_count"));
        assertThat(accountsAfter.sum("outbox_relay_silence_seconds"))
                .as("heartbeats reach the active relay")
                .isLessThan((double) EVENT_BOUND.toSeconds());
        assertThat(accountsAfter.sum("http_server_requests_seconds_count", "uri=\"/api/users\"", "status=\"201\""))
                .isGreaterThan(accountsBefore.sum(
                        "http_server_requests_seconds_count", "uri=\"/api/users\"", "status=\"201\""));
        assertThat(accountsAfter.sum(
                        "http_server_requests_seconds_bucket", "uri=\"/api/users\"", "status=\"201\"", "le=\"+Inf\""))
                .as("a histogram")
                .isGreaterThanOrEqualTo(1);
        Metrics projectsAfter = Metrics.of(projects);
        assertThat(projectsAfter.names())
                .as("consumer lag per consumer and per partition, and what became of the events it gave up on")
                .contains(
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "projects_events_lag_records", // by partition, from the broker
                        "projects_events_dead_letters_records",
                        "projects_events_replayed_total",
                        "projects_events_skipped_total");
        // The group's lag, read from the broker every 15 s, comes back to 0 on every partition once it is consumed.
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Metrics lag = Metrics.of(projects);
                    return java.util.stream.IntStream.range(0, 3).allMatch(partition -> {
                        String label = "partition=\"" + partition + "\"";
                        return lag.has("projects_events_lag_records", label)
                                && lag.sum("projects_events_lag_records", label) == 0;
                    });
                });
        String gatewayRegistrations = "spring_cloud_gateway_requests_seconds_count";
        assertThat(Metrics.of(gatewayActuator)
                                .sum(gatewayRegistrations, "routeId=\"accounts\"", "httpStatusCode=\"201\"")
                        - gatewayBefore.sum(gatewayRegistrations, "routeId=\"accounts\"", "httpStatusCode=\"201\""))
                .isEqualTo(1);
        assertThat(new Api(gateway.baseUrl()).get("/actuator/prometheus").status())
                .as("metrics on the public port")
                .isEqualTo(404);
    }

    /**
     * The composed profile's calls are measured under a name of their own: under Boot's default name they clashed
     * with the gateway's own client meters, which Prometheus refused, and they were lost.
     */
    @Test
    void the_composed_profiles_calls_to_the_services_are_measured() {
        Api client = new Api(gateway.baseUrl());
        String token = client.newUser("profile-metrics").accessToken();

        Api gatewayActuator = new Api(gateway.managementUrl());
        double before = Metrics.of(gatewayActuator).sum("gateway_profile_client_requests_seconds_count");

        assertThat(client.withToken(token).get("/api/users/me").status()).isEqualTo(200);

        assertThat(Metrics.of(gatewayActuator).sum("gateway_profile_client_requests_seconds_count") - before)
                .as("the profile's calls to accounts and to projects")
                .isEqualTo(2);
    }

    /**
     * Spans that cannot reach Zipkin are counted, so an operator learns that traces are missing from the metrics, not
     * from an engineer who looked for one: a gateway whose Zipkin endpoint is a port nothing listens on.
     */
    @Test
    void spans_that_cannot_reach_zipkin_are_counted_as_dropped() {
        String nowhere = "http://127.0.0.1:" + FreePort.orAny(0) + "/api/v2/spans";
        try (ServiceProcess blind = SharedStack.get().startGateway(Map.of("ZIPKIN_ENDPOINT", nowhere))) {
            Api.Answer keys = new Api(blind.baseUrl()).get("/.well-known/jwks.json");
            assertThat(keys.status()).as(keys.toString()).isEqualTo(200);

            Api actuator = new Api(blind.managementUrl());
            await().atMost(EVENT_BOUND).until(() -> Metrics.of(actuator).sum("zipkin_spans_dropped_total") > 0);
        }
    }

    @Test
    void a_registration_is_found_by_its_trace_id_in_the_logs_of_every_part_it_crossed() throws IOException {
        Api.Answer registered = new Api(gateway.baseUrl())
                .post(
                        "/api/users",
                        body("email", "traced-" + UUID.randomUUID() + "@example.com", "password", "long enough"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String user = registered.json().get("id").asString();
        String requestId = registered.header("X-Request-Id");

        // The client sent no traceparent: the gateway started the trace, and its access line names it.
        String traceId = await().atMost(EVENT_BOUND)
                .until(
                        () -> linesWith("request " + requestId).stream()
                                .filter(line -> line.startsWith("gateway"))
                                .map(ObservabilityIT::traceIdIn)
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);

        String tagged = "[" + traceId + "]";
        await().atMost(EVENT_BOUND)
                .untilAsserted(() -> assertThat(linesWith(tagged))
                        .anyMatch(line -> line.startsWith("projects")
                                && line.contains("Example project created for user " + user)));
        assertThat(linesWith(tagged))
                .filteredOn(line -> line.contains("dev.tasksandbox.access"))
                .as("one access line at the gateway and one at accounts-service")
                .hasSize(2)
                .anyMatch(line -> line.startsWith("gateway") && line.contains("POST /api/users 201"))
                .anyMatch(line -> line.startsWith("accounts") && line.contains("POST /api/users 201"));
    }

    private static String traceIdIn(String line) {
        Matcher tag = TRACE_TAG.matcher(line);
        return tag.find() ? tag.group(1) : null;
    }

    private static List<String> linesWith(String text) throws IOException {
        // Decoded leniently: a child may print bytes that are not UTF-8.
        String log = new String(Files.readAllBytes(SharedStack.get().serviceLog()), StandardCharsets.UTF_8);
        return log.lines().filter(line -> line.contains(text)).toList();
    }

    /** One scrape in Prometheus' text format: each series, with its labels, and its value. */
    private record Metrics(Map<String, Double> series) {

        static Metrics of(Api actuator) {
            Api.Answer scrape = actuator.get("/prometheus");
            assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
            return new Metrics(scrape.body()
                    .lines()
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

        boolean has(String name, String... labels) {
            return series.keySet().stream()
                    .anyMatch(key ->
                            nameOf(key).equals(name) && Arrays.stream(labels).allMatch(key::contains));
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
