package dev.tasksandbox.gateway.edge;

import java.time.Duration;

/**
 * Where the buckets of the edge limits live: this gateway's memory, or Redis, where every gateway instance
 * counts against the same buckets.
 */
public interface BucketStore {

    /**
     * The buckets of one limit, {@code capacity} requests per {@code period} per key; {@code limit} names it, so
     * that one key in two limits (an address for logins and for registrations) is two buckets.
     */
    Buckets buckets(String limit, int capacity, Duration period);

    /** Each gateway instance counts on its own: n instances allow up to n times each limit. */
    static BucketStore inMemory() {
        return (limit, capacity, period) -> new RequestBuckets(capacity, period, System::nanoTime);
    }
}
