package dev.tasksandbox.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar, which local-stack's build copies to
 * {@code target/zipkin/}), as a child JVM with in-memory storage, listening on the loopback only. Its UI is at
 * {@link #uiUrl()}, and services send spans to {@link #spansEndpoint()}.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String ADDRESS = "127.0.0.1";

    private final int port;
    private final ChildProcess process;

    private ZipkinServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts Zipkin on {@code port} (0 picks a free one) and waits until it is healthy. */
    public static ZipkinServer start(Path root, int port, PrintStream output) {
        return launch(root, port, output).awaitReady();
    }

    /**
     * Starts Zipkin on {@code port} (0 picks a free one) without waiting: the services can start meanwhile, since
     * what they send before it is ready is only their start-up, which nobody traces.
     */
    public static ZipkinServer launch(Path root, int port, PrintStream output) {
        Path jar = root.resolve("local-stack/target/zipkin/zipkin-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -pl local-stack");
        }
        int listening = FreePort.orAny(port);
        // Armeria's ports replace Zipkin's own list whole, so address, port and protocol are all given.
        ChildProcess zipkin = ChildProcess.startJava(
                "zipkin",
                List.of(
                        "-Xms64m",
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        jar.toString(),
                        "--armeria.ports[0].ip=" + ADDRESS,
                        "--armeria.ports[0].port=" + listening,
                        "--armeria.ports[0].protocols=http"),
                // Zipkin's default of 500,000 spans in memory outgrows this heap under a benchmark's load (it
                // died of OutOfMemoryError after about 100,000 reads at full sampling); the newest 50,000 stay.
                Map.of("MEM_MAX_SPANS", "50000"),
                root,
                output);
        return new ZipkinServer(listening, zipkin);
    }

    /** Waits until Zipkin answers its health check. */
    public ZipkinServer awaitReady() {
        process.awaitHealthy(URI.create("http://" + ADDRESS + ":" + port + "/health"), READY_TIMEOUT);
        return this;
    }

    public int port() {
        return port;
    }

    /** Where the UI is, for a person. */
    public String uiUrl() {
        return "http://" + ADDRESS + ":" + port + "/zipkin/";
    }

    /** Zipkin's v2 HTTP API: traces, services and spans, as the UI reads them. */
    public String apiUrl() {
        return "http://" + ADDRESS + ":" + port + "/api/v2";
    }

    /** Where spans are sent. */
    public String spansEndpoint() {
        return apiUrl() + "/spans";
    }

    @Override
    public void close() {
        process.close();
    }
}
