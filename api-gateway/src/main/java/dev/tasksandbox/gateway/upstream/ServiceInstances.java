package dev.tasksandbox.gateway.upstream;

import dev.tasksandbox.gateway.GatewayProperties;
import dev.tasksandbox.gateway.GatewayProperties.Upstream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The instances of one service, in the child context Spring Cloud LoadBalancer keeps per service: those the
 * gateway's configuration lists, the unready ones left out when readiness URLs are given, the ones that just
 * refused a connection left out always. Deliberately not a {@code @Configuration}: component scanning would put
 * its bean into the main context, where there is no service name; {@link UpstreamBalancing} names it instead.
 */
public class ServiceInstances {

    @Bean
    ServiceInstanceListSupplier configuredInstances(
            Environment environment,
            GatewayProperties properties,
            LoadBalancerClientFactory balancers,
            ReadinessProbe readiness,
            RefusedInstances refused) {
        String service = LoadBalancerClientFactory.getName(environment);
        Upstream upstream = properties.upstreams().of(service);
        List<ServiceInstance> all = instances(service, upstream);
        ServiceInstanceListSupplier configured =
                ServiceInstanceListSuppliers.from(service, all.toArray(ServiceInstance[]::new));
        ServiceInstanceListSupplier ready = upstream.readiness().isEmpty()
                ? configured
                : new HealthCheckServiceInstanceListSupplier(
                        configured, balancers, (instance, path) -> readiness.isReady(instance));
        return new AvailableInstances(ready, all, refused);
    }

    /** {@code accounts-1}, {@code accounts-2}, ... in the order configured, each with its readiness URL. */
    static List<ServiceInstance> instances(String service, Upstream upstream) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (int i = 0; i < upstream.instances().size(); i++) {
            URI address = upstream.instances().get(i);
            boolean secure = "https".equals(address.getScheme());
            int port = address.getPort() != -1 ? address.getPort() : secure ? 443 : 80;
            Map<String, String> metadata = upstream.readiness().isEmpty()
                    ? Map.of()
                    : Map.of(
                            ReadinessProbe.READINESS_URL,
                            upstream.readiness().get(i).toString());
            instances.add(new DefaultServiceInstance(
                    service + "-" + (i + 1), service, address.getHost(), port, secure, metadata));
        }
        return instances;
    }
}
