package dev.tasksandbox.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tasksandbox.gateway.GatewayProperties.LoginLimits;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Counts login attempts per client address and per username, each in its own token bucket. The buckets live in
 * this process's memory: with several gateway instances each counts on its own, so a client spread over n
 * instances gets up to n times the limit (a shared store such as Redis would be needed to prevent that).
 * Idle buckets are forgotten, and the number kept is bounded, so a flood of addresses cannot exhaust memory.
 */
public final class LoginAttempts {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final LoginLimits limits;
    private final LongSupplier clock;
    // Apart, so that a flood of addresses cannot push the bucket of a username under attack out of memory.
    private final Cache<String, TokenBucket> addresses;
    private final Cache<String, TokenBucket> usernames;

    public LoginAttempts(LoginLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.clock = nanoClock;
        this.addresses = buckets(limits);
        this.usernames = buckets(limits);
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration fromAddress(String address) {
        return take(addresses, address, limits.perAddress());
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration forUsername(String username) {
        return take(usernames, username, limits.perUsername());
    }

    private static Cache<String, TokenBucket> buckets(LoginLimits limits) {
        return Caffeine.newBuilder()
                .expireAfterAccess(limits.period())
                .maximumSize(MAX_TRACKED_KEYS)
                .build();
    }

    private Duration take(Cache<String, TokenBucket> buckets, String key, int capacity) {
        long now = clock.getAsLong();
        return buckets.get(key, k -> new TokenBucket(capacity, limits.period(), now))
                .tryTake(now);
    }
}
