package dev.tasksandbox.systemtests;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.localstack.StackEnvironment;
import dev.tasksandbox.localstack.ZipkinServer;
import dev.tasksandbox.testkit.SharedInfrastructure;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack under test: the shared PostgreSQL and Kafka, and the service jars as child processes, exactly as
 * {@code ./run-local.sh} runs them, with the gateway in front. Tests talk to the gateway, as clients do; the
 * services' own addresses serve only the fault tests of the relay and the gateway-versus-direct benchmark.
 * Service output goes to {@code target/system-test-logs/}.
 */
final class Stack implements AutoCloseable {

    /** The lowest bcrypt cost: most system tests are about the event pipeline, not password hashing. */
    private static final int FAST_BCRYPT_COST = 4;
    /** The one origin the gateway under test lets browsers call it from. */
    static final String ALLOWED_ORIGIN = "https://app.example";
    /**
     * Every test registers and logs in from 127.0.0.1: a gateway shared by tests must not count them against each
     * other. Tests of the limits start a gateway of their own.
     */
    static final Map<String, String> GENEROUS_ADDRESS_LIMITS =
            Map.of("LOGIN_LIMIT_PER_ADDRESS", "100000", "REGISTRATION_LIMIT_PER_ADDRESS", "100000");
    /**
     * The accounts instances of the stacks that kill and restart them (the fault suite, the replicas): cheap
     * hashing; the relay back half a second after an error; and its engine waking every 10 ms when the WAL is
     * quiet, not every 1 ms. Those stacks assert what converges, not how fast one event travels, and an active
     * relay at 1 ms spins half a core at rest (README, *Figures*): with the shared stack's relay doing the same,
     * a whole core of two went to idle relays, and an accounts JVM started into that once outlasted its 2 min bound.
     */
    static final Map<String, String> RESTARTED_ACCOUNTS = Map.of(
            "BCRYPT_COST", Integer.toString(FAST_BCRYPT_COST),
            "RELAY_RESTART_BACKOFF", "500ms",
            "OUTBOXRELAY_POLLINTERVAL", "10ms");

    private final Path root =
            Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
    private final Infrastructure infrastructure = SharedInfrastructure.get();
    private final Path serviceLogFile;
    private final PrintStream serviceLog;
    private final Path dataDirectory;
    /** Set in the environment of every service of this stack, on top of its own. */
    private final Map<String, String> everyService;
    /** Where every service of this stack sends its spans. */
    private final ZipkinServer zipkin = SharedZipkin.get(root);

    private ServiceProcess accounts;
    private ServiceProcess projects;
    private ServiceProcess gateway;
    private final int accountsPort = freePort();
    private final int projectsPort = freePort();

    Stack() {
        this("services", Map.of());
    }

    /**
     * A stack whose services log to {@code target/system-test-logs/<name>.log} and all get {@code everyService} in
     * their environment (say, {@code JAVA_TOOL_OPTIONS} for a JVM flag).
     */
    Stack(String name, Map<String, String> everyService) {
        this.everyService = Map.copyOf(everyService);
        serviceLogFile = SystemTestLogs.file(name);
        // A fresh log per run: tests read it, and must not read an earlier run's lines.
        serviceLog = SystemTestLogs.writingTo(serviceLogFile, false);
        try {
            dataDirectory = Files.createDirectories(Path.of("target", "system-test-data"));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stack start() {
        accounts = startAccounts(accountsPort);
        projects = ServiceProcess.start(
                root,
                "projects-service",
                "projects",
                projectsPort,
                withEveryService(StackEnvironment.projects(infrastructure, accountsPort, freePort())),
                serviceLog);
        gateway = startGateway(GENEROUS_ADDRESS_LIMITS);
        zipkin.awaitReady();
        return this;
    }

    /** The Zipkin every service of this stack reports to, ready. */
    ZipkinServer zipkin() {
        return zipkin;
    }

    /** Where clients go. */
    String gatewayUrl() {
        return gateway.baseUrl();
    }

    /**
     * Another gateway in front of the same services, with {@code settings} on top of the shared one's, for
     * tests of limits and failures that must not disturb the other tests.
     */
    ServiceProcess startGateway(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(StackEnvironment.gateway(accountsPort, projectsPort));
        environment.put("CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN);
        environment.putAll(settings);
        return ServiceProcess.start(
                root, "api-gateway", "gateway", freePort(), withEveryService(environment), serviceLog);
    }

    /** The key pair accounts-service signs access tokens with. */
    KeyPair signingKeys() {
        return RsaKeyFiles.read(dataDirectory.resolve("keys"));
    }

    String accountsUrl() {
        return accounts.baseUrl();
    }

    String projectsUrl() {
        return projects.baseUrl();
    }

    /** What the services printed, each line prefixed with the service's name, as {@code ./run-local.sh} shows it. */
    Path serviceLog() {
        return serviceLogFile;
    }

    /** Where Prometheus would scrape accounts-service and projects-service: not through the gateway. */
    String accountsActuator() {
        return accounts.managementUrl();
    }

    String projectsActuator() {
        return projects.managementUrl();
    }

    /** Kills accounts-service as a crash would, relay and all, and starts a new instance in its place. */
    void crashAndRestartAccounts() throws InterruptedException {
        accounts.kill();
        accounts = startAccounts(accountsPort);
    }

    /** Starts a second accounts-service instance; its relay finds the slot taken and stands by. */
    ServiceProcess startSecondAccounts() {
        return startAccounts(freePort());
    }

    /** Starts another accounts-service instance hashing at {@code bcryptCost}; its relay stands by. */
    ServiceProcess startAccountsWithBcryptCost(int bcryptCost) {
        return startAccounts(freePort(), bcryptCost);
    }

    /** Kills the first accounts-service instance; the second one, if any, is left to take over. */
    void crashAccounts() throws InterruptedException {
        accounts.kill();
    }

    String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(
                infrastructure.jdbcUrl(name), infrastructure.postgresUser(), infrastructure.postgresPassword());
    }

    private ServiceProcess startAccounts(int port) {
        return startAccounts(port, FAST_BCRYPT_COST);
    }

    private ServiceProcess startAccounts(int port, int bcryptCost) {
        Map<String, String> environment = new HashMap<>(StackEnvironment.accounts(infrastructure, dataDirectory));
        environment.put("BCRYPT_COST", Integer.toString(bcryptCost));
        environment.put("RELAY_RESTART_BACKOFF", "500ms");
        return ServiceProcess.start(
                root, "accounts-service", "accounts", port, withEveryService(environment), serviceLog);
    }

    /** The service's {@code environment} over the stack's Zipkin, and the stack's settings for every service last. */
    private Map<String, String> withEveryService(Map<String, String> environment) {
        Map<String, String> with = new HashMap<>(StackEnvironment.tracedBy(zipkin));
        with.putAll(environment);
        with.putAll(everyService);
        return with;
    }

    /** The process of this stack's service of that name ({@code gateway}, {@code accounts}, {@code projects}). */
    ProcessHandle process(String name) {
        return services().stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .flatMap(service -> ProcessHandle.of(service.pid()))
                .orElseThrow(() -> new IllegalStateException("No " + name + " runs in this stack"));
    }

    /** The three services of this stack, in the order they stand in front of each other. */
    List<ServiceProcess> services() {
        return List.of(gateway, accounts, projects);
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (projects != null) {
            projects.close();
        }
        if (accounts != null) {
            accounts.close();
        }
        serviceLog.close();
    }

    private static int freePort() {
        return FreePort.orAny(0);
    }
}
