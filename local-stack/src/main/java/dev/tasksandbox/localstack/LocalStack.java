package dev.tasksandbox.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole stack in the foreground without Docker: PostgreSQL, Kafka, then the services. Ctrl-C or
 * SIGTERM stops it in the reverse order (services, then Kafka, then PostgreSQL).
 *
 * <p>Ports come from environment variables (defaults in brackets): {@code LOCAL_POSTGRES_PORT} (15432),
 * {@code LOCAL_KAFKA_PORT} (19092), {@code ACCOUNTS_PORT} (8081), {@code PROJECTS_PORT} (8082), {@code GATEWAY_PORT}
 * (8080), the only one clients need, and the actuators' {@code ACCOUNTS_MANAGEMENT_PORT} (9081),
 * {@code PROJECTS_MANAGEMENT_PORT} (9082) and {@code GATEWAY_MANAGEMENT_PORT} (9080). Everything listens on the
 * loopback; {@code LOCAL_BIND_ADDRESS} moves the services (PostgreSQL and Kafka, which have no passwords worth
 * the name here, stay on it). Data lives in {@code .local-stack/} of the checkout; {@code --fresh} starts from nothing; {@code --seed} loads the demo data ({@link DemoData}) once the stack is healthy.
 */
public final class LocalStack {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrintStream out = System.out;

    public static void main(String[] args) throws InterruptedException {
        boolean fresh = List.of(args).contains("--fresh");
        boolean seed = List.of(args).contains("--seed");
        Path root = Path.of("").toAbsolutePath();
        new LocalStack().run(root, fresh, seed);
    }

    private void run(Path root, boolean fresh, boolean seed) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopAll();
                            stopped.countDown();
                        },
                        "local-stack-stop"));

        long begin = System.nanoTime();
        String gatewayUrl;
        try {
            Infrastructure infrastructure = EmbeddedInfrastructure.start(
                    port("LOCAL_POSTGRES_PORT", 15432),
                    port("LOCAL_KAFKA_PORT", 19092),
                    root.resolve(".local-stack"),
                    fresh,
                    out);
            started.push(infrastructure);
            out.printf(
                    "local-stack | PostgreSQL on %d (user %s, databases %s), Kafka on %s%n",
                    infrastructure.postgresPort(),
                    infrastructure.postgresUser(),
                    PostgresServer.DATABASES,
                    infrastructure.bootstrapServers());
            // Launched before the services and stopped after them, so that it receives their last spans.
            ZipkinServer zipkin = ZipkinServer.launch(root, port("ZIPKIN_PORT", 9411), out);
            started.push(zipkin);
            Map<String, String> traced = StackEnvironment.tracedBy(zipkin);
            int accountsPort = port("ACCOUNTS_PORT", 8081);
            int projectsPort = port("PROJECTS_PORT", 8082);
            // Nothing waits for another service at start-up, so all three start side by side; the gateway,
            // launched last, is stopped first.
            ServiceProcess accounts = launch(
                    root,
                    "accounts-service",
                    "accounts",
                    accountsPort,
                    plus(
                            withManagementPort(
                                    StackEnvironment.accounts(infrastructure, root.resolve(".local-stack")),
                                    port("ACCOUNTS_MANAGEMENT_PORT", 9081)),
                            traced));
            ServiceProcess projects = launch(
                    root,
                    "projects-service",
                    "projects",
                    projectsPort,
                    plus(
                            StackEnvironment.projects(
                                    infrastructure, accountsPort, port("PROJECTS_MANAGEMENT_PORT", 9082)),
                            traced));
            ServiceProcess gateway = launch(
                    root,
                    "api-gateway",
                    "gateway",
                    port("GATEWAY_PORT", 8080),
                    plus(
                            withManagementPort(
                                    StackEnvironment.gateway(accountsPort, projectsPort),
                                    port("GATEWAY_MANAGEMENT_PORT", 9080)),
                            traced));
            zipkin.awaitReady();
            out.printf("local-stack | Zipkin on %s, receiving the services' spans%n", zipkin.uiUrl());
            List<ServiceProcess> services = List.of(accounts, projects, gateway);
            for (ServiceProcess service : services) {
                service.awaitReady();
                out.printf(
                        "local-stack | %s ready on %s (actuator %s)%n",
                        service.name(), service.baseUrl(), service.managementUrl());
            }
            gatewayUrl = gateway.baseUrl();
        } catch (RuntimeException e) {
            out.println("local-stack | start-up failed: " + e.getMessage());
            System.exit(1); // runs the shutdown hook, which stops whatever did start
            return; // exit never returns, which the compiler cannot know
        }
        out.printf(
                "local-stack | stack healthy after %.1f s; clients use %s. Press Ctrl-C to stop.%n",
                Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0, gatewayUrl);
        if (seed) {
            seed(gatewayUrl);
        }
        stopped.await();
    }

    /** A failed seed is reported, and the stack keeps running so that it can be looked into. */
    private void seed(String gatewayUrl) {
        try {
            new DemoData(gatewayUrl, out).seed();
        } catch (Exception e) {
            out.println("local-stack | seeding failed: " + e.getMessage());
        }
    }

    private ServiceProcess launch(Path root, String module, String name, int port, Map<String, String> environment) {
        ServiceProcess service = ServiceProcess.launch(root, module, name, port, environment, out);
        started.push(service);
        return service;
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            out.println("local-stack | stopping " + describe(next));
            try {
                next.close();
            } catch (Exception e) {
                out.println("local-stack | error while stopping: " + e);
            }
        }
        out.println("local-stack | stopped");
    }

    private static String describe(AutoCloseable part) {
        if (part instanceof ServiceProcess service) {
            return service.name();
        }
        return part instanceof ZipkinServer ? "Zipkin" : "Kafka and PostgreSQL";
    }

    private static Map<String, String> withManagementPort(Map<String, String> environment, int port) {
        return plus(environment, Map.of("MANAGEMENT_PORT", Integer.toString(port)));
    }

    private static Map<String, String> plus(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> with = new HashMap<>(environment);
        with.putAll(more);
        return with;
    }

    private static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }
}
