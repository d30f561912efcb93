package dev.tasksandbox.systemtests;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches, on the gateway's metrics, the requests to one instance that ended in an error: those it held when it
 * died and those that could not reach it afterwards. The last time that count grew is the last time the gateway
 * chose the dead instance.
 */
final class InstanceFailures implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Pattern failedCount;
    private final Api gateway;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledFuture<?> polling;
    private volatile double count;
    private volatile long lastGrowthNanos = -1;

    private InstanceFailures(String gatewayActuator, String instanceId) {
        this.gateway = new Api(gatewayActuator);
        this.failedCount =
                Pattern.compile("(?m)^loadbalancer_requests_failed_seconds_count\\{[^}]*serviceInstance_instanceId=\""
                        + Pattern.quote(instanceId) + "\"[^}]*} (\\S+)$");
        this.count = failed();
        this.polling = poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    static InstanceFailures watch(String gatewayActuator, String instanceId) {
        return new InstanceFailures(gatewayActuator, instanceId);
    }

    private void poll() {
        try {
            double now = failed();
            if (now > count) {
                count = now;
                lastGrowthNanos = System.nanoTime();
            }
        } catch (RuntimeException unanswered) {
            // The next poll tries again: an exception here would end the schedule for good.
        }
    }

    private double failed() {
        Matcher matches = failedCount.matcher(gateway.get("/prometheus").body());
        double sum = 0;
        while (matches.find()) {
            sum += Double.parseDouble(matches.group(1));
        }
        return sum;
    }

    /** Seconds from {@code since} to the last failed attempt on the instance; zero when there was none. */
    double secondsUntilLastFailure(long since) {
        long last = lastGrowthNanos;
        return last < 0 ? 0 : Math.max(0, last - since) / 1e9;
    }

    /** How many requests to the instance ended in an error while watched. */
    double attempts() {
        return count;
    }

    @Override
    public void close() {
        polling.cancel(true);
        poller.shutdownNow();
    }
}
