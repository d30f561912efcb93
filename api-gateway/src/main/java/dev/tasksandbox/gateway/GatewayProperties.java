package dev.tasksandbox.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The gateway's own settings, bound from {@code gateway.*} in application.yml. */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        Upstreams upstreams,
        Duration upstreamResponseTimeout,
        DataSize maxRequestSize,
        LoginLimits loginLimits,
        RegistrationLimits registrationLimits,
        Cors cors,
        Profile profile) {

    /** The instances of each service the gateway routes to. */
    public record Upstreams(Upstream accounts, Upstream projects) {

        /** The instances of the service a route names ({@code lb://accounts}). */
        public Upstream of(String service) {
            return switch (service) {
                case "accounts" -> accounts;
                case "projects" -> projects;
                default -> throw new IllegalArgumentException("No upstream is configured for " + service);
            };
        }
    }

    /**
     * One service's instances: one address where a Service or DNS balances (compose, Kubernetes), or every
     * instance's own (./run-local.sh --replicas), each with the URL of its readiness, in the same order.
     */
    public record Upstream(List<URI> instances, List<URI> readiness) {

        public Upstream {
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("A service needs at least one address");
            }
            for (URI instance : instances) {
                if (instance.getHost() == null || !List.of("http", "https").contains(instance.getScheme())) {
                    throw new IllegalArgumentException(
                            "An instance's address is http://host:port or https://host:port, not " + instance);
                }
            }
            if (!readiness.isEmpty() && readiness.size() != instances.size()) {
                throw new IllegalArgumentException("Give one readiness URL per instance, or none: " + instances.size()
                        + " instances, " + readiness.size() + " readiness URLs");
            }
            instances = List.copyOf(instances);
            readiness = List.copyOf(readiness);
        }
    }

    /** At most {@code perAddress} and {@code perUsername} login attempts per {@code period}. */
    public record LoginLimits(int perAddress, int perUsername, Duration period) {}

    /** At most {@code perAddress} registrations per {@code period}. */
    public record RegistrationLimits(int perAddress, Duration period) {}

    public record Cors(List<String> allowedOrigins) {}

    public record Profile(Duration projectsTimeout) {}
}
