package dev.tasksandbox.gateway.upstream;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Instances that refused a connection a moment ago, or did not accept one in time (Netty's connect time-out is a
 * {@link ConnectException} too), kept out of the choice for a while. The readiness check
 * notices a dead instance within one or two intervals; until then round-robin would send every other request,
 * and a retry half the time, to it. A refused connection is certain news, so the instance is left out from the
 * next choice on: the retry of the refused request goes elsewhere. A live instance is given another chance
 * after {@code ejection}, when a restarted one is taken back.
 */
public final class RefusedInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private static final Logger log = LoggerFactory.getLogger(RefusedInstances.class);

    private final Duration ejection;
    private final Clock clock;
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

    public RefusedInstances(Duration ejection, Clock clock) {
        this.ejection = ejection;
        this.clock = clock;
    }

    /** The instances that have not refused a connection lately, or all of them when every one has. */
    public List<ServiceInstance> without(List<ServiceInstance> instances) {
        Instant now = clock.instant();
        List<ServiceInstance> accepting = instances.stream()
                .filter(instance -> !refusedUntil
                        .getOrDefault(instance.getInstanceId(), Instant.MIN)
                        .isAfter(now))
                .toList();
        // All refusing: keep trying them rather than answering "no instance" before the first comes back.
        return accepting.isEmpty() ? instances : accepting;
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        ServiceInstance instance = chosen == null ? null : chosen.getServer();
        if (completion.status() == CompletionContext.Status.FAILED
                && instance != null
                && refusedConnection(completion.getThrowable())) {
            Instant now = clock.instant();
            Instant previous = refusedUntil.put(instance.getInstanceId(), now.plus(ejection));
            if (previous == null || previous.isBefore(now)) {
                log.warn("{} refused a connection; no requests go to it for {}", instance.getUri(), ejection);
            }
        }
    }

    private static boolean refusedConnection(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
        return ServiceInstance.class.isAssignableFrom(serverTypeClass);
    }

    @Override
    public void onStart(Request<Object> request) {}

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {}
}
