package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One of the service jars, run as a child JVM and considered started when its readiness probe says UP. */
public final class ServiceProcess implements AutoCloseable {

    static final String EXTRA_JVM_OPTIONS = "localstack.service.jvm-options";
    /** The address every service listens on, API and actuator alike, unless {@code LOCAL_BIND_ADDRESS} says. */
    private static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final Pattern CHOOSES_A_COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC\\b");

    private final String name;
    private final int port;
    private final int managementPort;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, int managementPort, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Starts {@code module}'s jar from {@code root/module/target} on {@code port} with the given environment,
     * and waits until it is ready.
     */
    public static ServiceProcess start(
            Path root, String module, String name, int port, Map<String, String> environment, PrintStream output) {
        ServiceProcess service = launch(root, module, name, port, environment, output);
        service.awaitReady();
        return service;
    }

    /**
     * Starts the jar without waiting, so several services can start side by side; see {@link #awaitReady()}. The
     * actuator answers on {@code MANAGEMENT_PORT} when the environment gives one, else on a free port: every
     * service has it on a port of its own. Both listen on the loopback unless {@code LOCAL_BIND_ADDRESS} is set.
     */
    public static ServiceProcess launch(
            Path root, String module, String name, int port, Map<String, String> environment, PrintStream output) {
        Path jar = jarOf(root, module);
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        int managementPort =
                Integer.parseInt(env.computeIfAbsent("MANAGEMENT_PORT", unset -> Integer.toString(FreePort.orAny(0))));
        String address = bindAddress();
        env.putIfAbsent("SERVER_ADDRESS", address);
        env.putIfAbsent("MANAGEMENT_SERVER_ADDRESS", address);
        String toolOptions = env.getOrDefault(TOOL_OPTIONS, System.getenv().getOrDefault(TOOL_OPTIONS, ""));
        List<String> jvm = new ArrayList<>(jvmOptions(toolOptions));
        jvm.addAll(List.of("-jar", jar.toString()));
        ChildProcess child = ChildProcess.startJava(name, jvm, env, root, output);
        return new ServiceProcess(name, port, managementPort, child);
    }

    /**
     * The options of every service JVM, given the {@value #TOOL_OPTIONS} it will see. The collector is the
     * parallel one, as in the image (the Dockerfile says why), unless those options choose another: the JVM refuses
     * to start with two, so an operator's {@code JAVA_TOOL_OPTIONS=-XX:+UseG1GC} wins here as it does in a container.
     */
    static List<String> jvmOptions(String toolOptions) {
        List<String> options = new ArrayList<>(List.of("-Xms128m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
        if (!CHOOSES_A_COLLECTOR.matcher(toolOptions).find()) {
            options.add("-XX:+UseParallelGC");
        }
        options.addAll(extraJvmOptions());
        return options;
    }

    private static String bindAddress() {
        String configured = System.getenv("LOCAL_BIND_ADDRESS");
        return configured == null || configured.isBlank() ? DEFAULT_BIND_ADDRESS : configured.strip();
    }

    /**
     * Options every service JVM gets on top of its own, from {@value #EXTRA_JVM_OPTIONS} (space-separated):
     * the system tests pass the coverage agent this way, so what they exercise in a service counts.
     */
    private static List<String> extraJvmOptions() {
        String options = System.getProperty(EXTRA_JVM_OPTIONS, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+", -1));
    }

    public static Path jarOf(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-[^/]+\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("No jar in " + target + ": build it with ./mvnw package"));
        } catch (IOException e) {
            throw new IllegalStateException("No jar in " + target + ": build it with ./mvnw package", e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The JVM's process id, for tools such as jcmd. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where the actuator answers: its management port, never the API's. */
    public String managementUrl() {
        return "http://localhost:" + managementPort + "/actuator";
    }

    /** Ends the process at once, as a crash or a kill -9 would. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    /** Waits until the readiness probe answers 200; stops the process and throws when it does not in time. */
    public void awaitReady() {
        process.awaitHealthy(URI.create(managementUrl() + "/health/readiness"), READY_TIMEOUT);
    }
}
