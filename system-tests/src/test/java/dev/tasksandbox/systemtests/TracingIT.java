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
        Api.Answer registered = gateway.post("/api/users", body("email", uniqueEmail(), "password", "long enough"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        Trace trace = awaitTrace(traceIdOf(registered), statement("projects-service", "INSERT INTO projects"));

        assertThat(trace.roots())
                .as("one root, and every other span's parent in the trace")
                .hasSize(1);
        Span root = trace.roots().get(0);
        assertThat(root).matches(span("api-gateway", "SERVER", "http post"));
        Span proxied = trace.childOf(root, span("api-gateway", "CLIENT", "http post"));
        Span accounts = trace.childOf(proxied, span("accounts-service", "SERVER", "http post /api/users"));
        trace.childOf(accounts, span("accounts-service", "", "bcrypt hash"));
        trace.childOf(accounts, statement("accounts-service", "INSERT INTO users"));
        Span outboxWrite = trace.childOf(accounts, span("accounts-service", "", "outbox write"));
        trace.childOf(outboxWrite, statement("accounts-service", "INSERT INTO outbox"));
        Span publish =
                trace.childOf(outboxWrite, span("accounts-outbox-relay", "PRODUCER", "accounts.user-events publish"));
        Span consume = trace.childOf(publish, span("projects-service", "CONSUMER", "accounts.user-events process"));
        Span exampleProject = trace.childOf(consume, statement("projects-service", "INSERT INTO projects"));

        assertThat(List.of(root, proxied, accounts, outboxWrite, publish, consume, exampleProject))
                .as("each hop starts after the one that caused it")
                .isSortedAccordingTo((one, other) -> Long.compare(one.startMicros(), other.startMicros()));
    }

    @Test
    void the_composed_profile_is_one_server_span_over_its_two_calls() {
        Api.User user = gateway.newUser("traced-profile");
        Api.Answer profile = gateway.withToken(user.accessToken()).get("/api/users/me");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);

        Trace trace = awaitTrace(traceIdOf(profile), span("projects-service", "SERVER", "http get /api/projects"));

        Span root = trace.roots().get(0);
        assertThat(trace.roots()).containsExactly(root);
        assertThat(root).matches(span("api-gateway", "SERVER", "http get /api/users/me"));
        Span toAccounts = trace.childOf(
                root,
                span -> span.kind().equals("CLIENT")
                        && span.tags().getOrDefault("http.url", "").endsWith("/api/users/me"));
        Span toProjects = trace.childOf(
                root,
                span -> span.kind().equals("CLIENT")
                        && span.tags().getOrDefault("http.url", "").contains("/api/projects"));
        trace.childOf(toAccounts, span("accounts-service", "SERVER", "http get /api/users/me"));
        trace.childOf(toProjects, span("projects-service", "SERVER", "http get /api/projects"));
    }

    @Test
    void a_gateway_with_tracing_switched_off_sends_no_span_and_still_passes_the_trace_on() {
        try (ServiceProcess untraced = SharedStack.get().startGateway(Map.of("TRACING_ENABLED", "false"))) {
            Api.Answer registered = new Api(untraced.baseUrl())
                    .post("/api/users", body("email", uniqueEmail(), "password", "long enough"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String traceId = traceIdOf(registered);

            // accounts-service, still tracing, continues the trace the silent gateway started ...
            awaitTrace(traceId, span("accounts-service", "SERVER", "http post /api/users"));
            // ... while the gateway's spans, which would be reported within a second, never come.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            !zipkin.trace(traceId).has(span -> span.service().equals("api-gateway")));
        }
    }

    private static Trace awaitTrace(String traceId, java.util.function.Predicate<Span> lastToArrive) {
        return await().atMost(TRACE_BOUND).until(() -> zipkin.trace(traceId), trace -> trace.has(lastToArrive));
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
