package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static dev.tasksandbox.systemtests.Zipkin.span;
import static dev.tasksandbox.systemtests.Zipkin.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.systemtests.Zipkin.Span;
import dev.tasksandbox.systemtests.Zipkin.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an engineer debugging a slow request finds in Zipkin: the trace named by the {@code traceparent} of the
 * answer, with every hop the request caused, each under the hop that caused it.
 */
@ExtendWith(SharedStack.class)
class TracingIT {

    /** The services report spans every second; the event's way through Kafka takes tens of milliseconds. */
    private static final Duration TRACE_BOUND = Duration.ofSeconds(30);

    private static Api gateway;
    private static Zipkin zipkin;

    @BeforeAll
    static void connect() {
        Stack stack = SharedStack.get();
        gateway = new Api(stack.gatewayUrl());
        zipkin = new Zipkin(stack.zipkin().apiUrl());
    }

    @Test
    void one_registration_is_one_trace_from_the_gateway_through_accounts_the_relay_and_projects() {
        Predicate<Span> gatewayServer = span("api-gateway", "SERVER", "http post");
        Predicate<Span> gatewayClient = span("api-gateway", "CLIENT", "http post");
        Predicate<Span> accountsServer = span("accounts-service", "SERVER", "http post /api/users");
        Predicate<Span> bcrypt = span("accounts-service", "", "bcrypt hash");
        Predicate<Span> insertUser = statement("accounts-service", "INSERT INTO users");
        Predicate<Span> outboxWrite = span("accounts-service", "", "outbox write");
        Predicate<Span> insertOutbox = statement("accounts-service", "INSERT INTO outbox");
        Predicate<Span> publish = span("accounts-outbox-relay", "PRODUCER", "accounts.user-events publish");
        Predicate<Span> consume = span("projects-service", "CONSUMER", "accounts.user-events process");
        Predicate<Span> insertProject = statement("projects-service", "INSERT INTO projects");

        Api.Answer registered = gateway.post("/api/users", body("email", uniqueEmail(), "password", "long enough"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Trace trace = awaitTrace(
                traceIdOf(registered),
                List.of(
                        gatewayServer,
                        gatewayClient,
                        accountsServer,
                        bcrypt,
                        insertUser,
                        outboxWrite,
                        insertOutbox,
                        publish,
                        consume,
                        insertProject));

        assertThat(trace.roots())
                .as("one root, and every other span's parent in the trace")
                .hasSize(1);
        Span root = trace.roots().get(0);
        assertThat(root).matches(gatewayServer);
        Span proxied = trace.childOf(root, gatewayClient);
        Span accounts = trace.childOf(proxied, accountsServer);
        trace.childOf(accounts, bcrypt);
        trace.childOf(accounts, insertUser);
        Span written = trace.childOf(accounts, outboxWrite);
        trace.childOf(written, insertOutbox);
        Span published = trace.childOf(written, publish);
        Span consumed = trace.childOf(published, consume);
        Span exampleProject = trace.childOf(consumed, insertProject);

        assertThat(List.of(root, proxied, accounts, written, published, consumed, exampleProject))
                .as("each hop starts after the one that caused it")
                .isSortedAccordingTo((one, other) -> Long.compare(one.startMicros(), other.startMicros()));
    }

    @Test
    void the_composed_profile_is_one_server_span_over_its_two_calls() {
        Predicate<Span> gatewayServer = span("api-gateway", "SERVER", "http get /api/users/me");
        Predicate<Span> toAccounts = span -> span.kind().equals("CLIENT")
                && span.tags().getOrDefault("http.url", "").endsWith("/api/users/me");
        Predicate<Span> toProjects = span -> span.kind().equals("CLIENT")
                && span.tags().getOrDefault("http.url", "").contains("/api/projects");
        Predicate<Span> accountsServer = span("accounts-service", "SERVER", "http get /api/users/me");
        Predicate<Span> projectsServer = span("projects-service", "SERVER", "http get /api/projects");
        // A read's statement is in the trace too: the client span of Boot's R2DBC observation, under the read's.
        Predicate<Span> listProjects = statement("projects-service", "SELECT id, name, archived FROM projects")
                .and(span -> span.kind().equals("CLIENT"));

        Api.User user = gateway.newUser("traced-profile");
        Api.Answer profile = gateway.withToken(user.accessToken()).get("/api/users/me");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        Trace trace = awaitTrace(
                traceIdOf(profile),
                List.of(gatewayServer, toAccounts, toProjects, accountsServer, projectsServer, listProjects));

        assertThat(trace.roots()).hasSize(1);
        Span root = trace.roots().get(0);
        assertThat(root).matches(gatewayServer);
        trace.childOf(trace.childOf(root, toAccounts), accountsServer);
        Span projects = trace.childOf(trace.childOf(root, toProjects), projectsServer);
        trace.childOf(projects, listProjects);
    }

    @Test
    void a_gateway_with_tracing_switched_off_sends_no_span_and_still_passes_the_trace_on() {
        try (ServiceProcess untraced = SharedStack.get().startGateway(Map.of("TRACING_ENABLED", "false"))) {
            Api.Answer registered = new Api(untraced.baseUrl())
                    .post("/api/users", body("email", uniqueEmail(), "password", "long enough"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String traceId = traceIdOf(registered);

            // accounts-service, still tracing, continues the trace the silent gateway started ...
            awaitTrace(traceId, List.of(span("accounts-service", "SERVER", "http post /api/users")));
            // ... while the gateway's spans, which would be reported within a second, never come.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            !zipkin.trace(traceId).has(span -> span.service().equals("api-gateway")));
        }
    }

    @Test
    void health_probes_and_scrapes_send_no_spans() throws Exception {
        Stack stack = SharedStack.get();
        assertThat(new Api(stack.accountsActuator()).get("/health/readiness").status())
                .isEqualTo(200);
        assertThat(new Api(stack.accountsActuator()).get("/prometheus").status())
                .isEqualTo(200);
        // A request after them: accounts reports its spans in the order they end, so once this one's span is in
        // Zipkin, the probe's and the scrape's would be too.
        Api.Answer after = gateway.post("/api/users", body("email", uniqueEmail(), "password", "long enough"));
        awaitTrace(traceIdOf(after), List.of(span("accounts-service", "SERVER", "http post /api/users")));

        assertThat(zipkin.spanNames("accounts-service")).noneMatch(name -> name.contains("/actuator"));
    }

    /**
     * The trace once it holds a span of each kind {@code expected}: every part reports on its own, every second,
     * so the spans of one trace arrive in any order.
     */
    private static Trace awaitTrace(String traceId, List<Predicate<Span>> expected) {
        return await().atMost(TRACE_BOUND)
                .until(() -> zipkin.trace(traceId), trace -> expected.stream().allMatch(trace::has));
    }

    /** The trace id of the answer's {@code traceparent}, which the gateway sets on every answer. */
    private static String traceIdOf(Api.Answer answer) {
        String traceparent = answer.header("traceparent");
        assertThat(traceparent).as(answer.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        return traceparent.substring(3, 35);
    }

    private static String uniqueEmail() {
        return "traced-" + UUID.randomUUID() + "@example.com";
    }
}
