package dev.tasksandbox.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway in front of stand-in instances on this machine: a port where nothing listens, instances that
 * answer, one that is not ready, one that cuts the connection after reading a request, one that answers 503.
 * What a client sees, and what each instance received, show which requests are tried again and where.
 *
 * <p>The gateway is closed with the class: kept in Spring's context cache, it went on asking the stand-ins'
 * readiness URLs every 500 ms after they were gone, and a later test's Pact mock server that was given one of their
 * ports received a {@code GET /ready} it did not expect.
 */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "MANAGEMENT_PORT=0",
            "TRACING_ENABLED=false",
            "REGISTRATION_LIMIT_PER_ADDRESS=1000",
            "UPSTREAM_HEALTH_INTERVAL=500ms"
        })
class UpstreamBalancingTest {

    private static final int NOBODY = unusedPort();
    /** Two accounts instances that answer; the second says it is not ready. */
    private static final Instance READY = Instance.answering(201, true);

    private static final Instance UNREADY = Instance.answering(201, false);
    /** projects: reads the request, then drops the connection without an answer. */
    private static final Instance CUTTING = Instance.cutting();
    /** projects: answers every request with 503. */
    private static final Instance FAILING = Instance.answering(503, true);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ACCOUNTS_URI", () -> String.join(",", url(NOBODY), READY.url(), UNREADY.url()));
        registry.add(
                "ACCOUNTS_HEALTH_URI",
                () -> String.join(",", url(NOBODY) + "/ready", READY.readinessUrl(), UNREADY.readinessUrl()));
        registry.add("PROJECTS_URI", () -> String.join(",", CUTTING.url(), FAILING.url()));
    }

    @BeforeEach
    void forget() {
        List.of(READY, UNREADY, CUTTING, FAILING).forEach(instance -> instance.received.clear());
    }

    @AfterAll
    static void stop() {
        List.of(READY, UNREADY, CUTTING, FAILING).forEach(instance -> instance.server.disposeNow());
    }

    @Test
    void a_registration_that_could_not_be_sent_is_sent_to_a_ready_instance_once() {
        for (int i = 0; i < 6; i++) {
            client().post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"n\":" + i + "}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        assertThat(READY.received)
                .containsExactly(
                        "POST {\"n\":0}",
                        "POST {\"n\":1}",
                        "POST {\"n\":2}",
                        "POST {\"n\":3}",
                        "POST {\"n\":4}",
                        "POST {\"n\":5}");
        assertThat(UNREADY.received).isEmpty();
    }

    @Test
    void a_request_that_was_sent_is_never_sent_again() {
        for (int i = 0; i < 4; i++) {
            int status = client().get()
                    .uri("/api/projects")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            assertThat(status)
                    .as("a cut connection is a 502, a 503 is passed on")
                    .isIn(502, 503);
        }

        assertThat(CUTTING.received.size() + FAILING.received.size()).isEqualTo(4);
        assertThat(CUTTING.received).hasSize(2);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in instance that records the method and body of every request it receives. */
    private record Instance(DisposableServer server, Queue<String> received) {

        static Instance answering(int status, boolean ready) {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            DisposableServer server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .route(routes -> routes.get(
                                    "/ready",
                                    (request, response) ->
                                            response.status(ready ? 200 : 503).send())
                            .route(
                                    request -> true,
                                    (request, response) -> request.receive()
                                            .aggregate()
                                            .asString()
                                            .defaultIfEmpty("")
                                            .flatMap(body -> {
                                                received.add(request.method().name() + " " + body);
                                                return response.status(status)
                                                        .header("Content-Type", "application/json")
                                                        .sendString(Mono.just("{}"))
                                                        .then();
                                            })))
                    .bindNow();
            return new Instance(server, received);
        }

        static Instance cutting() {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            DisposableServer server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .route(routes -> routes.get(
                                    "/ready",
                                    (request, response) -> response.status(200).send())
                            .route(
                                    request -> true,
                                    (request, response) -> request.receive()
                                            .aggregate()
                                            .asString()
                                            .defaultIfEmpty("")
                                            .flatMap(body -> {
                                                received.add(request.method().name() + " " + body);
                                                response.withConnection(connection -> connection.dispose());
                                                return Mono.<Void>never();
                                            })))
                    .bindNow();
            return new Instance(server, received);
        }

        String url() {
            return "http://127.0.0.1:" + server.port();
        }

        String readinessUrl() {
            return url() + "/ready";
        }
    }
}
