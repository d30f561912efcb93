package dev.tasksandbox.systemtests;

import dev.tasksandbox.localstack.FreePort;
import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.KafkaBroker;
import dev.tasksandbox.localstack.PostgresServer;
import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.localstack.StackEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A whole stack of its own for the fault suite, PostgreSQL and Kafka included, since the suite kills and
 * restarts them: the other system tests share infrastructure that must stay up. Ports stay the same across
 * restarts, as a broker or a database host keeps its address.
 */
final class FaultStack implements AutoCloseable {

    private final Path root =
            Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
    private final Path data;
    private final PrintStream log;
    private final int postgresPort = FreePort.orAny(0);
    private final int kafkaPort = FreePort.orAny(0);
    private final int accountsPort = FreePort.orAny(0);
    private final int projectsPort = FreePort.orAny(0);
    private final int projectsManagementPort = FreePort.orAny(0);
    private final int standbyPort = FreePort.orAny(0);
    private final Infrastructure addresses = new FixedAddresses(postgresPort, kafkaPort);
    /** Traced as every stack is: faults must not break the spans' way to Zipkin, nor tracing the services. */
    private final Map<String, String> traced = StackEnvironment.tracedBy(SharedZipkin.get(root));

    private @Nullable PostgresServer postgres;
    private @Nullable KafkaBroker kafka;
    private @Nullable ServiceProcess accounts;
    private @Nullable ServiceProcess standby;
    private @Nullable ServiceProcess projects;
    private @Nullable ServiceProcess gateway;

    FaultStack() {
        try {
            data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fault-stack-")
                    .toAbsolutePath();
            log = SystemTestLogs.writingTo(SystemTestLogs.file("fault-suite"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database and broker, and the three services in front of them. */
    FaultStack start() {
        startPostgres(true);
        startKafka(true);
        startAccounts();
        startProjects();
        gateway = ServiceProcess.start(root, "api-gateway", "gateway", FreePort.orAny(0), gatewayEnvironment(), log);
        return this;
    }

    /** The load registers from one address, so the gateway's limits per address must not refuse it. */
    private Map<String, String> gatewayEnvironment() {
        Map<String, String> environment = new HashMap<>(StackEnvironment.gateway(accountsPort, projectsPort));
        environment.putAll(Stack.GENEROUS_ADDRESS_LIMITS);
        environment.putAll(traced);
        return environment;
    }

    /**
     * Brings back every part a scenario stopped or killed, and stops the standby: each scenario starts from the
     * stack {@link #start()} built, so one that fails half-way leaves the next ones their own verdict.
     */
    void restore() {
        if (postgres == null) {
            startPostgres(false);
        }
        if (kafka == null) {
            startKafka(false);
        }
        stopStandby();
        if (accounts == null) {
            startAccounts();
        }
        if (projects == null) {
            startProjects();
        }
    }

    void startPostgres(boolean fresh) {
        postgres = PostgresServer.start(postgresPort, data.resolve("postgres"), fresh);
    }

    /** The service databases and their roles, as a new installation has them, where they are missing. */
    void prepareServiceDatabases() {
        PostgresServer server = postgres;
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        server.prepareServiceDatabases();
    }

    void startKafka(boolean fresh) {
        kafka = KafkaBroker.start(kafkaPort, data.resolve("kafka"), fresh, log);
    }

    void killKafka() throws InterruptedException {
        KafkaBroker broker = kafka;
        kafka = null;
        if (broker != null) {
            broker.kill();
        }
    }

    /** The accounts-service instance the gateway sends requests to. */
    void startAccounts() {
        accounts = accountsOn(accountsPort, "accounts");
    }

    void killAccounts() throws InterruptedException {
        ServiceProcess service = running(accounts);
        accounts = null;
        service.kill();
    }

    /** A second accounts-service instance, which no client reaches: its relay takes the slot when it is free. */
    void startStandby() {
        standby = accountsOn(standbyPort, "standby");
    }

    void stopStandby() {
        stop(standby);
        standby = null;
    }

    void killStandby() throws InterruptedException {
        ServiceProcess service = running(standby);
        standby = null;
        service.kill();
    }

    /** The relay role each accounts instance reports: {@code active}, {@code standby} or {@code starting}. */
    String relayRole(boolean ofStandby) {
        return RelayRole.of(running(ofStandby ? standby : accounts));
    }

    void killProjects() throws InterruptedException {
        ServiceProcess service = running(projects);
        projects = null;
        service.kill();
    }

    void stopPostgres() {
        PostgresServer server = postgres;
        postgres = null;
        if (server != null) {
            server.close();
        }
    }

    private ServiceProcess accountsOn(int port, String name) {
        Map<String, String> environment = new HashMap<>(StackEnvironment.accounts(addresses, data));
        environment.putAll(Stack.RESTARTED_ACCOUNTS);
        environment.putAll(traced);
        return ServiceProcess.start(root, "accounts-service", name, port, environment, log);
    }

    void stopAccounts() {
        stop(accounts);
        accounts = null;
    }

    void startProjects() {
        Map<String, String> environment =
                new HashMap<>(StackEnvironment.projects(addresses, accountsPort, projectsManagementPort));
        environment.putAll(traced);
        projects = ServiceProcess.start(root, "projects-service", "projects", projectsPort, environment, log);
    }

    void stopProjects() {
        stop(projects);
        projects = null;
    }

    String gatewayUrl() {
        return running(gateway).baseUrl();
    }

    String accountsActuator() {
        return running(accounts).managementUrl();
    }

    String projectsActuator() {
        return running(projects).managementUrl();
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(
                addresses.jdbcUrl(name), addresses.postgresUser(), addresses.postgresPassword());
    }

    private static void stop(@Nullable ServiceProcess service) {
        if (service != null) {
            service.close();
        }
    }

    private static ServiceProcess running(@Nullable ServiceProcess service) {
        if (service == null) {
            throw new IllegalStateException("not running");
        }
        return service;
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {gateway, projects, standby, accounts, kafka, postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    log.println("fault-stack | could not stop " + part + ": " + e);
                }
            }
        }
        log.close();
    }
}
