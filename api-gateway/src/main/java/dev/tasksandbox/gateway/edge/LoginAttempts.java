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
    private final Cache<String, TokenBucket> buckets;

    public LoginAttempts(LoginLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limits.period())
                .maximumSize(MAX_TRACKED_KEYS)
                .build();
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration fromAddress(String address) {
        return take("address:" + address, limits.perAddress());
    }

    /** Zero when the attempt may go ahead, else how long the client should wait. */
    public Duration forUsername(String username) {
        return take("username:" + username, limits.perUsername());
    }

    private Duration take(String key, int capacity) {
        long now = clock.getAsLong();
        return buckets.get(key, k -> new TokenBucket(capacity, limits.period(), now)).tryTake(now);
    }
}
