package dev.tasksandbox.gateway.edge;

import java.time.Duration;

/**
 * {@code capacity} permits, refilled evenly over {@code period}: a burst of {@code capacity} is allowed, then
 * one permit every {@code period / capacity}. Time comes from the caller, so the arithmetic is testable.
 */
final class TokenBucket {

    private final double capacity;
    private final double permitsPerNano;
    private double available;
    private long lastRefill;

    TokenBucket(int capacity, Duration period, long now) {
        this.capacity = capacity;
        this.permitsPerNano = capacity / (double) period.toNanos();
        this.available = capacity;
        this.lastRefill = now;
    }

    /** Takes a permit and answers zero, or answers how long until one is available and takes nothing. */
    synchronized Duration tryTake(long now) {
        available = Math.min(capacity, available + (now - lastRefill) * permitsPerNano);
        lastRefill = now;
        if (available >= 1) {
            available -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - available) / permitsPerNano));
    }
}
