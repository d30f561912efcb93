package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties.LoginLimits;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Counts login attempts per client address and per username, each key in its own token bucket. */
public final class LoginAttempts {

    // Apart, so that a flood of addresses cannot push the bucket of a username under attack out of memory.
    private final RequestBuckets addresses;
    private final RequestBuckets usernames;

    public LoginAttempts(LoginLimits limits, LongSupplier nanoClock) {
        this.addresses = new RequestBuckets(limits.perAddress(), limits.period(), nanoClock);
        this.usernames = new RequestBuckets(limits.perUsername(), limits.period(), nanoClock);
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration fromAddress(String address) {
        return addresses.take(address);
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration forUsername(String username) {
        return usernames.take(username);
    }
}
