package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityThreadLocalsTest {

    /** A registry as the services' jars fill it: Security's accessors and Micrometer's among them. */
    private final ContextRegistry registry = new ContextRegistry().loadThreadLocalAccessors();

    @Test
    void securitys_thread_locals_are_no_longer_propagated() {
        assertThat(accessorClasses()).anyMatch(name -> name.startsWith(SecurityThreadLocals.SECURITY_PACKAGE));

        new SecurityThreadLocals(registry).afterSingletonsInstantiated();

        assertThat(accessorClasses()).noneMatch(name -> name.startsWith(SecurityThreadLocals.SECURITY_PACKAGE));
    }

    @Test
    void the_observation_that_log_lines_take_their_trace_id_from_is_still_propagated() {
        new SecurityThreadLocals(registry).afterSingletonsInstantiated();

        assertThat(registry.getThreadLocalAccessors())
                .extracting(ThreadLocalAccessor::key)
                .contains(ObservationThreadLocalAccessor.KEY);
    }

    private List<String> accessorClasses() {
        return registry.getThreadLocalAccessors().stream()
                .map(accessor -> accessor.getClass().getName())
                .toList();
    }
}
