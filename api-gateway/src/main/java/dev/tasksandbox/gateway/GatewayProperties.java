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

    public record Upstreams(URI accounts, URI projects) {}

    /** At most {@code perAddress} and {@code perUsername} login attempts per {@code period}. */
    public record LoginLimits(int perAddress, int perUsername, Duration period) {}

    /** At most {@code perAddress} registrations per {@code period}. */
    public record RegistrationLimits(int perAddress, Duration period) {}

    public record Cors(List<String> allowedOrigins) {}

    public record Profile(Duration projectsTimeout) {}
}
