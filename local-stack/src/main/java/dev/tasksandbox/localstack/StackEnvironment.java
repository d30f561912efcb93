package dev.tasksandbox.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The environment of each service in a stack run by this module, for ./run-local.sh and the system tests alike. */
public final class StackEnvironment {

    private StackEnvironment() {}

    /**
     * accounts-service signs tokens with a key pair generated once into {@code dataDirectory/keys}, so tokens
     * survive restarts of the stack.
     */
    public static Map<String, String> accounts(Infrastructure infrastructure, Path dataDirectory) {
        Map<String, String> environment = new HashMap<>(infrastructure.serviceEnvironment("accounts"));
        Path keys = RsaKeyFiles.ensure(dataDirectory.resolve("keys").toAbsolutePath());
        environment.put(
                "TOKEN_SIGNING_KEY_FILE", keys.resolve(RsaKeyFiles.PRIVATE_KEY).toString());
        return environment;
    }

    /** projects-service checks tokens against the keys accounts-service publishes on {@code accountsPort}. */
    public static Map<String, String> projects(Infrastructure infrastructure, int accountsPort, int managementPort) {
        return projects(infrastructure, URI.create("http://localhost:" + accountsPort), managementPort);
    }

    /**
     * projects-service checks tokens against the keys published at {@code keysFrom}: accounts-service itself, or
     * the gateway, which serves them from whichever accounts instance is up (replicas).
     */
    public static Map<String, String> projects(Infrastructure infrastructure, URI keysFrom, int managementPort) {
        Map<String, String> environment = new HashMap<>(infrastructure.serviceEnvironment("projects"));
        environment.put(
                "ACCOUNTS_JWKS_URI", keysFrom.resolve("/.well-known/jwks.json").toString());
        // The actuator on a port of its own, as operators run it: that is where dead letters are replayed.
        environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        return environment;
    }

    /** The gateway routes to the services on their ports. */
    public static Map<String, String> gateway(int accountsPort, int projectsPort) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ACCOUNTS_URI", "http://localhost:" + accountsPort);
        environment.put("PROJECTS_URI", "http://localhost:" + projectsPort);
        return environment;
    }

    /**
     * The gateway balances over every instance of each service itself, and leaves out those whose readiness
     * (asked on their actuator's port) fails.
     */
    public static Map<String, String> gateway(List<InstancePorts> accounts, List<InstancePorts> projects) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ACCOUNTS_URI", joined(accounts, InstancePorts::apiUrl));
        environment.put("ACCOUNTS_HEALTH_URI", joined(accounts, InstancePorts::readinessUrl));
        environment.put("PROJECTS_URI", joined(projects, InstancePorts::apiUrl));
        environment.put("PROJECTS_HEALTH_URI", joined(projects, InstancePorts::readinessUrl));
        return environment;
    }

    private static String joined(List<InstancePorts> instances, Function<InstancePorts, String> url) {
        return instances.stream().map(url).collect(Collectors.joining(","));
    }

    /**
     * Every service sends its spans to {@code zipkin}. Sampling ({@code TRACING_SAMPLING_PROBABILITY}) and the
     * switch ({@code TRACING_ENABLED}) pass from the runner's environment to the services, like every variable.
     */
    public static Map<String, String> tracedBy(ZipkinServer zipkin) {
        return Map.of("ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
    }
}
