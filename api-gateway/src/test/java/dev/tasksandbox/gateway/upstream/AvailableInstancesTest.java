package dev.tasksandbox.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

class AvailableInstancesTest {

    private static final ServiceInstance FIRST = instance(1);
    private static final ServiceInstance SECOND = instance(2);

    private final RefusedInstances refused =
            new RefusedInstances(Duration.ofSeconds(5), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void the_ready_instances_are_chosen_from() {
        assertThat(available(List.of(SECOND))).containsExactly(SECOND);
    }

    @Test
    void when_no_instance_is_ready_every_one_is_tried_rather_than_none() {
        assertThat(available(List.of())).containsExactly(FIRST, SECOND);
    }

    @Test
    void an_instance_that_refused_a_connection_is_left_out_but_never_the_last_one() {
        refuse(FIRST);

        assertThat(available(List.of(FIRST, SECOND))).containsExactly(SECOND);
        assertThat(available(List.of(FIRST))).containsExactly(FIRST);
    }

    private List<ServiceInstance> available(List<ServiceInstance> ready) {
        ServiceInstanceListSupplier readiness =
                ServiceInstanceListSuppliers.from("accounts", ready.toArray(ServiceInstance[]::new));
        return new AvailableInstances(readiness, List.of(FIRST, SECOND), refused)
                .get()
                .blockFirst();
    }

    private void refuse(ServiceInstance instance) {
        refused.onComplete(new CompletionContext<>(
                CompletionContext.Status.FAILED,
                new IllegalStateException(new ConnectException("Connection refused")),
                new DefaultRequest<>(),
                new DefaultResponse(instance)));
    }

    private static ServiceInstance instance(int n) {
        return new DefaultServiceInstance("accounts-" + n, "accounts", "localhost", 8000 + n, false);
    }
}
