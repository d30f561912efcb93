package dev.tasksandbox.gateway.upstream;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances a request may go to: the ready ones (as {@code ready} reports them) without those that just
 * refused a connection ({@link RefusedInstances}). Never none: when no instance passes its readiness check, a
 * check that fails everywhere at once (a loaded machine answering late) is likelier wrong than every instance
 * down, so all are tried, and a dead one costs no more than a refused connect and a retry elsewhere. Spring
 * Cloud LoadBalancer would answer every request "no instance" instead.
 */
final class AvailableInstances extends DelegatingServiceInstanceListSupplier {

    private final List<ServiceInstance> all;
    private final RefusedInstances refused;

    AvailableInstances(ServiceInstanceListSupplier ready, List<ServiceInstance> all, RefusedInstances refused) {
        super(ready);
        this.all = List.copyOf(all);
        this.refused = refused;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        // Filtered on every choice (the load balancer subscribes per request), not once per readiness round.
        return delegate.get().map(ready -> refused.without(ready.isEmpty() ? all : ready));
    }
}
