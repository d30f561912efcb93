package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.ServiceProcess;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own rules, against the real services: limits, failures of a service behind it, CORS and the
 * request identity. Two more gateways serve the tests that must not disturb the shared one: one whose
 * projects-service is down (nothing listens on its port) and whose limits per address are low, and one whose
 * projects-service hangs (it accepts connections and never answers).
 */
@ExtendWith(SharedStack.class)
class GatewayEdgeIT {

    private static final int ADDRESS_LIMIT = 5;
    private static final int REGISTRATION_LIMIT = 3;
    private static Api gateway;
    private static ServiceProcess degradedGateway;
    private static Api degraded;
    private static SilentUpstream hangingProjects;
    private static ServiceProcess hangingGateway;
    private static Api hanging;

    @BeforeAll
    static void startDegradedGateway() {
        Stack stack = SharedStack.get();
        gateway = new Api(stack.gatewayUrl());
        degradedGateway = stack.startGateway(Map.of(
                "PROJECTS_URI",
                "http://localhost:" + FreePort.orAny(0),
                "LOGIN_LIMIT_PER_ADDRESS",
                Integer.toString(ADDRESS_LIMIT),
                "REGISTRATION_LIMIT_PER_ADDRESS",
                Integer.toString(REGISTRATION_LIMIT)));
        degraded = new Api(degradedGateway.baseUrl());
        hangingProjects = new SilentUpstream();
        hangingGateway = stack.startGateway(Map.of(
                "PROJECTS_URI", hangingProjects.url(),
                "UPSTREAM_RESPONSE_TIMEOUT", "1s",
                "PROFILE_PROJECTS_TIMEOUT", "500ms"));
        hanging = new Api(hangingGateway.baseUrl());
    }

    @AfterAll
    static void stopExtraGateways() throws Exception {
        for (ServiceProcess extra : new ServiceProcess[] {degradedGateway, hangingGateway}) {
            if (extra != null) {
                extra.close();
            }
        }
        if (hangingProjects != null) {
            hangingProjects.close();
        }
    }

    @Test
    void with_projects_service_down_the_profile_is_answered_without_projects_and_a_warning() {
        Api me = degraded.withToken(tokenOfNewUser(gateway));

        Api.Answer profile = me.get("/api/users/me");

        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().get("email").asString()).startsWith("edge-");
        assertThat(profile.json().has("projects")).isFalse();
        assertThat(profile.header("Warning")).startsWith("199 api-gateway");
    }

    @Test
    void a_service_that_is_down_is_a_503_problem_never_a_500() {
        Api.Answer projects = degraded.withToken(tokenOfNewUser(gateway)).get("/api/projects");

        assertThat(projects.status()).isEqualTo(503);
        assertThat(projects.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(projects.header("Retry-After")).isNotBlank();
        assertThat(projects.json().get("detail").asString()).contains("unavailable");
    }

    @Test
    void a_service_that_does_not_answer_in_time_is_a_504_problem() {
        Api.Answer projects = hanging.withToken(tokenOfNewUser(gateway)).get("/api/projects");

        assertThat(projects.status()).isEqualTo(504);
        assertThat(projects.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(projects.json().get("detail").asString()).contains("in time");
    }

    @Test
    void with_projects_service_hanging_the_profile_is_answered_after_its_timeout_without_projects() {
        Api me = hanging.withToken(tokenOfNewUser(gateway));

        long start = System.nanoTime();
        Api.Answer profile = me.get("/api/users/me");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().has("projects")).isFalse();
        assertThat(profile.header("Warning")).startsWith("199 api-gateway");
        assertThat(took)
                .as("bounded by PROFILE_PROJECTS_TIMEOUT, not by the hanging service")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void the_profile_lists_every_active_project_of_the_caller_across_pages() throws Exception {
        String token = tokenOfNewUser(gateway);
        Api me = gateway.withToken(token);
        String owner = me.get("/api/users/me").json().get("id").asString();
        try (Connection projects = SharedStack.get().database("projects");
                PreparedStatement insert = projects.prepareStatement("""
                     INSERT INTO projects (id, owner_id, name, archived, last_task_number, version)
                     SELECT gen_random_uuid(), ?::uuid, 'Project ' || n, n % 10 = 0, 0, 0
                     FROM generate_series(1, 1200) n""")) {
            insert.setString(1, owner);
            insert.executeUpdate();
        }

        JsonNode listed = await().atMost(Duration.ofSeconds(30))
                .until(() -> me.get("/api/users/me").json().get("projects"), projects -> projects.size() == 1081);
        List<String> names = new ArrayList<>();
        listed.forEach(project -> names.add(project.get("name").asString()));
        assertThat(names)
                .contains("My first project", "Project 1", "Project 1199")
                .doesNotContain("Project 10", "Project 1200")
                .doesNotHaveDuplicates();
    }

    @Test
    void the_profile_of_a_caller_without_a_valid_token_is_refused_even_when_projects_is_down() {
        Api.Answer profile = degraded.withToken("forged").get("/api/users/me");

        assertThat(profile.status()).isEqualTo(401);
        assertThat(profile.body()).doesNotContain("projects");
    }

    @Test
    void login_attempts_over_the_limit_per_address_get_429_with_retry_after() {
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            assertThat(degraded.form(
                                    "/api/users/login", "username=nobody-" + i + "@example.com&password=wrong-password")
                            .status())
                    .isEqualTo(401);
        }

        Api.Answer refused = degraded.form("/api/users/login", "username=someone-else@example.com&password=whatever1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void registrations_over_the_limit_per_address_get_429_with_retry_after_and_change_nothing() {
        for (int i = 0; i < REGISTRATION_LIMIT; i++) {
            String path = i % 2 == 0 ? "/api/users" : "/api/%75sers";
            String email = "limited-" + UUID.randomUUID() + "@example.com";
            assertThat(degraded.post(path, body("email", email, "password", "long enough"))
                            .status())
                    .as(path)
                    .isEqualTo(201);
        }
        String email = "refused-" + UUID.randomUUID() + "@example.com";

        Api.Answer refused = degraded.post("/api/%75sers", body("email", email, "password", "long enough"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(gateway.post("/api/users", body("email", email, "password", "long enough"))
                        .status())
                .as("the email was not taken by the refused registration")
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-www-form-urlencoded; charset=bogus",
                "application/x-www-form-urlencoded; charset=\"",
                "application/x-www-form-urlencoded; charset=x y",
                "not a media type"
            })
    void a_login_whose_content_type_cannot_be_read_is_a_415_problem_never_a_500(String contentType) {
        Api.Answer refused = gateway.send(gateway.request("/api/users/login")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("username=ann@example.com&password=whatever1")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void an_encoded_login_path_or_field_name_is_counted_like_the_plain_one() {
        String target = "encoded-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 10; i++) {
            String path = i % 2 == 0 ? "/api/users/%6Cogin" : "/api/users/login";
            String field = i % 3 == 0 ? "user%6Eame" : "username";
            assertThat(gateway.form(path, field + "=" + target + "&password=guess-" + i)
                            .status())
                    .isEqualTo(401);
        }

        assertThat(gateway.form("/api/users/%6Cogin", "username=" + target + "&password=guess")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void login_attempts_over_the_limit_per_username_get_429_while_other_users_still_log_in() {
        String target = "target-" + UUID.randomUUID() + "@example.com";
        int perUsername = 10; // the default, which the shared gateway keeps
        for (int i = 0; i < perUsername; i++) {
            assertThat(gateway.form("/api/users/login", "username=" + target + "&password=guess-" + i)
                            .status())
                    .isEqualTo(401);
        }

        Api.Answer refused =
                gateway.form("/api/users/login", "username=" + target.toUpperCase(Locale.ROOT) + "&password=guess");

        assertThat(refused.status()).as("the same username in another case").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(tokenOfNewUser(gateway)).isNotBlank();
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413_and_changes_nothing() {
        String email = "big-" + UUID.randomUUID() + "@example.com";
        String padding = "x".repeat(70 * 1024);

        Api.Answer refused =
                gateway.post("/api/users", body("email", email, "password", "long enough", "padding", padding));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(gateway.post("/api/users", body("email", email, "password", "long enough"))
                        .status())
                .as("the email was not taken by the refused request")
                .isEqualTo(201);
    }

    @Test
    void a_chunked_body_growing_over_the_limit_is_refused_with_413_and_changes_nothing() {
        String email = "chunked-" + UUID.randomUUID() + "@example.com";
        byte[] body = ("{\"email\":\"" + email + "\",\"password\":\"long enough\",\"padding\":\""
                        + "x".repeat(70 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        Api.Answer refused = gateway.send(gateway.request("/api/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(gateway.post("/api/users", body("email", email, "password", "long enough"))
                        .status())
                .as("the email was not taken by the refused request")
                .isEqualTo(201);
    }

    @Test
    void browsers_may_call_from_the_configured_origin_only() {
        Api.Answer allowed = gateway.send(preflight(Stack.ALLOWED_ORIGIN));
        Api.Answer foreign = gateway.send(preflight("https://evil.example"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(Stack.ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_request_id_is_kept_when_given_and_created_when_missing() {
        Api.Answer given = gateway.send(gateway.request("/.well-known/jwks.json")
                .header("X-Request-Id", "abc-123")
                .GET());
        Api.Answer created = gateway.get("/.well-known/jwks.json");

        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(created.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_trace_of_a_registration_goes_on_through_the_event_on_kafka() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String trace = "00-" + traceId + "-00f067aa0ba902b7-01";
        String email = "traced-" + UUID.randomUUID() + "@example.com";

        Api.Answer registered = gateway.send(gateway.request("/api/users")
                .header("traceparent", trace)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"long enough\"}")));
        String userId = registered.json().get("id").asString();
        // The answer names the gateway's span of the client's trace.
        assertThat(registered.header("traceparent"))
                .startsWith("00-" + traceId + "-")
                .isNotEqualTo(trace);

        try (KafkaConsumer<String, String> events = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedStack.get().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "trace-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            events.subscribe(List.of("accounts.user-events"));
            List<String> traces = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                events.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (userId.equals(record.key())) {
                        traces.add(new String(
                                record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
                    }
                });
                return !traces.isEmpty();
            });
            // The same trace; the parent is now the relay's publish span, several hops below the client's.
            assertThat(traces)
                    .singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith("00-" + traceId + "-")
                    .isNotEqualTo(trace)
                    .endsWith("-01");
        }
    }

    @Test
    void the_gateway_reports_its_health_on_the_public_port() {
        Api.Answer health = gateway.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private HttpRequest.Builder preflight(String origin) {
        return gateway.request("/api/projects")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    private static String tokenOfNewUser(Api api) {
        return api.newUser("edge").accessToken();
    }
}
