package dev.tasksandbox.systemtests;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches, on the gateway's metrics, the requests it tried to send to one instance and could not: the last time
 * that count grew is the last time the gateway sent anything to the instance after it died.
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
        double now = failed();
        if (now > count) {
            count = now;
            lastGrowthNanos = System.nanoTime();
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

    /** How many requests the gateway could not send to the instance while watched. */
    double attempts() {
        return count;
    }

    @Override
    public void close() {
        polling.cancel(true);
        poller.shutdownNow();
    }
}
