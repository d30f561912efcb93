package dev.tasksandbox.systemtests;

import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.InstancePorts;
import dev.tasksandbox.localstack.KafkaBroker;
import dev.tasksandbox.localstack.PostgresServer;
import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.localstack.StackEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Two instances of accounts-service and of projects-service behind one gateway that balances over them, as
 * {@code ./run-local.sh --replicas 2} runs them, on a PostgreSQL and a Kafka of its own: an accounts instance in
 * another stack of this JVM must not take this database's replication slot, and the suite kills instances.
 */
final class ReplicaStack implements AutoCloseable {

    static final int REPLICAS = 2;

    private final Path root =
            Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
    private final Path data;
    private final PrintStream log;
    private final int postgresPort = FreePort.orAny(0);
    private final int kafkaPort = FreePort.orAny(0);
    private final int gatewayPort = FreePort.orAny(0);
    private final List<InstancePorts> accountsPorts = ports();
    private final List<InstancePorts> projectsPorts = ports();
    private final Infrastructure addresses = new FixedAddresses(postgresPort, kafkaPort);
    private final Map<String, String> traced = StackEnvironment.tracedBy(SharedZipkin.get(root));
    private final List<@Nullable ServiceProcess> accounts = new ArrayList<>(List.of());
    private final List<@Nullable ServiceProcess> projects = new ArrayList<>(List.of());

    private @Nullable PostgresServer postgres;
    private @Nullable KafkaBroker kafka;
    private @Nullable ServiceProcess gateway;

    ReplicaStack() {
        try {
            data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replica-stack-")
                    .toAbsolutePath();
            log = SystemTestLogs.writingTo(SystemTestLogs.file("replica-suite"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < REPLICAS; i++) {
            accounts.add(null);
            projects.add(null);
        }
    }

    private static List<InstancePorts> ports() {
        return IntStream.range(0, REPLICAS)
                .mapToObj(i -> new InstancePorts(FreePort.orAny(0), FreePort.orAny(0)))
                .toList();
    }

    /** A fresh database and broker, every instance, and the gateway that knows them all. */
    ReplicaStack start() {
        postgres = PostgresServer.start(postgresPort, data.resolve("postgres"), true);
        kafka = KafkaBroker.start(kafkaPort, data.resolve("kafka"), true, log);
        for (int i = 0; i < REPLICAS; i++) {
            startAccounts(i);
            startProjects(i);
        }
        gateway = startGateway(gatewayPort, REPLICAS);
        fetchKeysOnEveryProjectsInstance();
        return this;
    }

    /**
     * Each projects instance fetches the signing keys (through the gateway) at its first token; on a cold, loaded
     * stack that first fetch can outlast its 3 s bound and fail the read that caused it, which says nothing of a
     * kill. A read on each instance before the load makes them fetch it then.
     */
    private void fetchKeysOnEveryProjectsInstance() {
        Api.User user = new Api(gatewayUrl()).newUser("key-fetch");
        for (ServiceProcess instance : projects) {
            Api direct = new Api(running(instance).baseUrl()).withToken(user.accessToken());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> direct.get("/api/projects").status() == 200);
        }
    }

    /** Another gateway, which knows only the first {@code projectsInstances} projects instances. */
    ServiceProcess startGateway(int projectsInstances) {
        return startGateway(FreePort.orAny(0), projectsInstances);
    }

    private ServiceProcess startGateway(int port, int projectsInstances) {
        Map<String, String> environment =
                new HashMap<>(StackEnvironment.gateway(accountsPorts, projectsPorts.subList(0, projectsInstances)));
        environment.putAll(Stack.GENEROUS_ADDRESS_LIMITS);
        environment.putAll(traced);
        environment.put("MANAGEMENT_PORT", Integer.toString(FreePort.orAny(0)));
        return ServiceProcess.start(root, "api-gateway", "gateway", port, environment, log);
    }

    void startAccounts(int i) {
        Map<String, String> environment = new HashMap<>(StackEnvironment.accounts(addresses, data));
        environment.putAll(Stack.RESTARTED_ACCOUNTS);
        environment.put("MANAGEMENT_PORT", Integer.toString(accountsPorts.get(i).managementPort()));
        environment.putAll(traced);
        accounts.set(
                i,
                ServiceProcess.start(
                        root,
                        "accounts-service",
                        "accounts-" + (i + 1),
                        accountsPorts.get(i).port(),
                        environment,
                        log));
    }

    void startProjects(int i) {
        // The keys through the gateway, as ./run-local.sh --replicas does: no accounts instance is indispensable.
        Map<String, String> environment = new HashMap<>(StackEnvironment.projects(
                addresses,
                URI.create("http://localhost:" + gatewayPort),
                projectsPorts.get(i).managementPort()));
        environment.putAll(traced);
        projects.set(
                i,
                ServiceProcess.start(
                        root,
                        "projects-service",
                        "projects-" + (i + 1),
                        projectsPorts.get(i).port(),
                        environment,
                        log));
    }

    /** Ends accounts instance {@code i} as kill -9 does; the window runs from just before to its end. */
    RequestTime.Window killAccounts(int i) throws InterruptedException {
        return kill(accounts, i);
    }

    /** Ends projects instance {@code i} as kill -9 does; the window runs from just before to its end. */
    RequestTime.Window killProjects(int i) throws InterruptedException {
        return kill(projects, i);
    }

    private static RequestTime.Window kill(List<@Nullable ServiceProcess> instances, int i)
            throws InterruptedException {
        ServiceProcess instance = running(instances.get(i));
        instances.set(i, null);
        long start = System.nanoTime();
        instance.kill();
        return new RequestTime.Window(start, System.nanoTime());
    }

    /** The accounts instance whose relay reads the slot, once one does. */
    int activeRelay() {
        for (int i = 0; i < REPLICAS; i++) {
            ServiceProcess instance = accounts.get(i);
            if (instance != null && "active".equals(RelayRole.of(instance))) {
                return i;
            }
        }
        return -1;
    }

    /** The gateway's name for accounts instance {@code i}, as its load-balancer meters tag it. */
    static String accountsInstanceId(int i) {
        return "accounts-" + (i + 1);
    }

    /** The gateway's name for projects instance {@code i}, as its load-balancer meters tag it. */
    static String projectsInstanceId(int i) {
        return "projects-" + (i + 1);
    }

    String gatewayUrl() {
        return running(gateway).baseUrl();
    }

    String gatewayActuator() {
        return running(gateway).managementUrl();
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(
                addresses.jdbcUrl(name), addresses.postgresUser(), addresses.postgresPassword());
    }

    private static ServiceProcess running(@Nullable ServiceProcess service) {
        if (service == null) {
            throw new IllegalStateException("not running");
        }
        return service;
    }

    @Override
    public void close() {
        List<@Nullable AutoCloseable> parts = new ArrayList<>();
        parts.add(gateway);
        parts.addAll(projects);
        parts.addAll(accounts);
        parts.add(kafka);
        parts.add(postgres);
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    log.println("replica-stack | could not stop " + part + ": " + e);
                }
            }
        }
        log.close();
    }
}
