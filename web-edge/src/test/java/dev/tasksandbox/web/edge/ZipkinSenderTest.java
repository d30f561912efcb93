package dev.tasksandbox.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/** What reaches the collector when spans are sent: Zipkin's HTTP API, as Spring Boot's properties configure it. */
class ZipkinSenderTest {

    /** One request as the collector received it. */
    private record Received(String method, String path, String protocol, List<String> contentEncoding, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/api/v2/spans", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getProtocol(),
                    exchange.getRequestHeaders().getOrDefault("Content-Encoding", List.of()),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void spans_are_posted_uncompressed_over_http_1_1_to_the_configured_endpoint() {
        contextRunner().run(context -> {
            BytesMessageSender sender = context.getBean(BytesMessageSender.class);
            // Over Spring Boot's sender's 1 KiB threshold, past which it would have gzipped the message.
            String span = "{\"traceId\":\"%s\",\"id\":\"%s\",\"name\":\"%s\"}"
                    .formatted("a".repeat(32), "b".repeat(16), "c".repeat(2000));

            sender.send(List.of(span.getBytes(StandardCharsets.UTF_8)));

            assertThat(received)
                    .containsExactly(new Received("POST", "/api/v2/spans", "HTTP/1.1", List.of(), "[" + span + "]"));
        });
    }

    @Test
    void an_application_sender_of_its_own_is_kept() {
        contextRunner()
                .withBean("ownSender", BytesMessageSender.class, () -> new BytesMessageSender.Base(Encoding.JSON) {
                    @Override
                    public int messageMaxBytes() {
                        return 1;
                    }

                    @Override
                    public void send(List<byte[]> encodedSpans) {}

                    @Override
                    public void close() {}
                })
                .run(context -> assertThat(
                                context.getBean(BytesMessageSender.class).messageMaxBytes())
                        .isEqualTo(1));
    }

    private ApplicationContextRunner contextRunner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EdgeAutoConfiguration.ZipkinEdge.class)
                .withConfiguration(AutoConfigurations.of(ZipkinAutoConfiguration.class))
                .withPropertyValues("management.tracing.export.zipkin.endpoint=http://127.0.0.1:"
                        + collector.getAddress().getPort() + "/api/v2/spans");
    }
}
