package dev.tasksandbox.gateway.edge;

import java.time.Duration;

/** Over one of the edge's limits (logins, registrations): 429 with {@code Retry-After}. */
public final class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
