package dev.tasksandbox.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * One {@link TokenBucket} per key (a client address, a username), each allowing {@code capacity} requests per
 * {@code period}. The buckets live in this process's memory: with several gateway instances each counts on its
 * own, so a client spread over n instances gets up to n times the limit ({@link RedisBucketStore} shares them).
 * Idle buckets are forgotten, and the number kept is bounded, so a flood of keys cannot exhaust memory.
 */
final class RequestBuckets implements Buckets {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int capacity;
    private final Duration period;
    private final LongSupplier nanoClock;
    private final Cache<String, TokenBucket> buckets;

    RequestBuckets(int capacity, Duration period, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.period = period;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(MAX_TRACKED_KEYS)
                .build();
    }

    @Override
    public Mono<Duration> take(String key) {
        long now = nanoClock.getAsLong();
        return Mono.just(
                buckets.get(key, k -> new TokenBucket(capacity, period, now)).tryTake(now));
    }
}
