package dev.tasksandbox.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud LoadBalancer for the routes ({@code lb://accounts}, {@code lb://projects}) and the composed
 * profile's calls alike: round-robin over {@link ServiceInstances}. One {@link RefusedInstances} serves every
 * service, and the load balancer finds it as a lifecycle of each request.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceInstances.class)
public class UpstreamBalancing {

    @Bean
    RefusedInstances refusedInstances(@Value("${gateway.upstream-ejection}") Duration ejection) {
        return new RefusedInstances(ejection, Clock.systemUTC());
    }

    @Bean
    ReadinessProbe readinessProbe(@Value("${spring.cloud.loadbalancer.health-check.interval}") Duration interval) {
        // Under the load balancer's own bound (the interval), so that a slow instance counts as not ready
        // rather than having its check cancelled half-way.
        return new ReadinessProbe(interval.multipliedBy(3).dividedBy(4));
    }
}
