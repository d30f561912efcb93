package dev.tasksandbox.gateway.edge;

import java.time.Duration;

/** Over the login limit: 429 with {@code Retry-After}. */
public final class TooManyLoginAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyLoginAttempts(Duration retryAfter) {
        super("Too many login attempts; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
