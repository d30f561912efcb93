package dev.tasksandbox.systemtests;

/**
 * When a client sent a request and when it had its answer (or gave up), on {@link System#nanoTime()}'s clock, and
 * what it got: a status, or the exception when no answer came.
 */
record RequestTime(long sentNanos, long answeredNanos, String outcome) {

    /** Whether the request was under way while {@code window} happened: sent before its end, answered after its start. */
    boolean overlaps(Window window) {
        return sentNanos <= window.endNanos() && answeredNanos >= window.startNanos();
    }

    /** A stretch of time, such as from just before a kill -9 until the process is gone. */
    record Window(long startNanos, long endNanos) {}
}
