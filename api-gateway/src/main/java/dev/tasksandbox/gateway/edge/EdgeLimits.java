package dev.tasksandbox.gateway.edge;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Where the login and registration limits count: in Redis when {@code REDIS_URL} is set, so that they hold
 * across gateway instances; in this instance's memory otherwise (one gateway needs nothing more).
 */
@Configuration(proxyBeanMethods = false)
public class EdgeLimits {

    /** Closed with the context (Redis connection included): Spring infers {@code close()} on the instance. */
    @Bean
    BucketStore bucketStore(
            @Value("${gateway.shared-limits.redis-url}") String redisUrl,
            @Value("${gateway.shared-limits.timeout}") Duration timeout) {
        return redisUrl.isBlank() ? BucketStore.inMemory() : new RedisBucketStore(redisUrl, timeout);
    }

    /**
     * {@code /actuator/health/limits}: where the limits count, and whether Redis answers. Not part of readiness:
     * without Redis the gateway still routes, with limits per instance.
     */
    @Bean
    ReactiveHealthIndicator sharedLimitsHealthIndicator(BucketStore store) {
        if (!(store instanceof RedisBucketStore redis)) {
            return () -> Mono.just(Health.up().withDetail("store", "memory").build());
        }
        return () -> redis.reachable()
                .map(up -> (up ? Health.up() : Health.down())
                        .withDetail("store", "redis")
                        .build());
    }
}
