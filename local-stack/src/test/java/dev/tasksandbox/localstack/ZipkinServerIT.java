package dev.tasksandbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The stack's Zipkin is a real one: it takes a span on its v2 API and serves it back as a trace. */
class ZipkinServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_span_sent_to_the_stacks_zipkin_comes_back_in_its_trace() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ZipkinServer zipkin = ZipkinServer.start(
                Path.of("..").toAbsolutePath().normalize(), 0, new PrintStream(output, true, StandardCharsets.UTF_8))) {
            String traceId =
                    HexFormat.of().formatHex(longBytes()) + HexFormat.of().formatHex(longBytes());
            String span = "[{\"traceId\":\"" + traceId + "\",\"id\":\""
                    + HexFormat.of().formatHex(longBytes())
                    + "\",\"name\":\"post /api/users\",\"timestamp\":" + System.currentTimeMillis() * 1000
                    + ",\"duration\":1500,\"localEndpoint\":{\"serviceName\":\"local-stack-test\"}}]";

            HttpResponse<String> accepted = HTTP.send(
                    HttpRequest.newBuilder(URI.create(zipkin.spansEndpoint()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(span))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);

            URI trace = URI.create(zipkin.apiUrl() + "/trace/" + traceId);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(HTTP.send(
                                            HttpRequest.newBuilder(trace).build(), HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .contains("local-stack-test", "post /api/users"));
            assertThat(zipkin.uiUrl()).isEqualTo("http://127.0.0.1:" + zipkin.port() + "/zipkin/");
        }
    }

    private static byte[] longBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
