package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties.LoginLimits;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counts login attempts per client address and per username, each key in its own token bucket. */
public final class LoginAttempts {

    // Apart, so that a flood of addresses cannot push the bucket of a username under attack out of memory.
    private final Buckets addresses;
    private final Buckets usernames;

    public LoginAttempts(LoginLimits limits, BucketStore store) {
        this.addresses = store.buckets("login-address", limits.perAddress(), limits.period());
        this.usernames = store.buckets("login-username", limits.perUsername(), limits.period());
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Mono<Duration> fromAddress(String address) {
        return addresses.take(address);
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Mono<Duration> forUsername(String username) {
        return usernames.take(username);
    }
}
