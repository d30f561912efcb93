package dev.tasksandbox.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run as a child JVM
 * from the kafka_2.13 artifact on this JVM's class path. The storage is formatted on first start only.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final ChildProcess process;

    private KafkaBroker(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts a broker on {@code port} (0 picks a free one), keeping its data in {@code dataDirectory}. */
    public static KafkaBroker start(int port, Path dataDirectory, boolean fresh, PrintStream output) {
        int brokerPort = FreePort.orAny(port);
        int controllerPort = FreePort.orAny(0);
        try {
            if (fresh) {
                Directories.deleteRecursively(dataDirectory);
            }
            Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
            Path config = writeServerProperties(dataDirectory, logs, brokerPort, controllerPort);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(config, dataDirectory, output);
            }
            ChildProcess broker = ChildProcess.startJava(
                    "kafka",
                    jvmArguments(ParentWatchdog.class.getName(), "kafka.Kafka", config.toString()),
                    Map.of(),
                    dataDirectory,
                    output);
            KafkaBroker started = new KafkaBroker(brokerPort, broker);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    Optional<ProcessHandle> process() {
        return ProcessHandle.of(process.pid());
    }

    @Override
    public void close() {
        process.close();
    }

    /** Ends the broker at once, as a crash or a kill -9 would; its data stays for a restart on the same port. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    private static Path writeServerProperties(Path dataDirectory, Path logs, int brokerPort, int controllerPort)
            throws IOException {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logs.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // A consumer group that joins alone should not wait 3 s for company.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        Path config = dataDirectory.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "written by local-stack on every start");
        }
        return config;
    }

    private static void format(Path config, Path dataDirectory, PrintStream output) throws IOException {
        ChildProcess storageTool = ChildProcess.startJava(
                "kafka",
                jvmArguments(
                        "kafka.tools.StorageTool",
                        "format",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        config.toString(),
                        "--ignore-formatted"),
                Map.of(),
                dataDirectory,
                output);
        try {
            int exit = storageTool.awaitExit(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("Formatting the Kafka storage failed with exit code " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
    }

    private static List<String> jvmArguments(String mainClass, String... arguments) {
        List<String> jvm = new ArrayList<>(List.of(
                "-Xms256m",
                "-Xmx512m",
                "-cp",
                absoluteClassPath(),
                // Whichever SLF4J binding the class path holds, the broker only speaks up when it matters.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dlogback.configurationFile=local-stack-quiet-logback.xml",
                "-Dlog4j2.level=WARN",
                mainClass));
        jvm.addAll(List.of(arguments));
        return jvm;
    }

    /** Waits for the port to accept connections, so the admin client below does not log a failure per try. */
    private void awaitListening(Instant deadline) {
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    /** The child runs in its data directory, so relative class path entries must be made absolute. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        awaitListening(deadline);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up; see its output above");
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        close();
                        throw new IllegalStateException("Kafka was not ready within " + READY_TIMEOUT, notYet);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
