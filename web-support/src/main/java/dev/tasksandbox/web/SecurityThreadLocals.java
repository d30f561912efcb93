package dev.tasksandbox.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Takes Spring Security's thread-locals (the security context, twice, and the exchange) out of Micrometer's
 * context-propagation registry, where Security's jars register them. Reactor restores every registered
 * thread-local around each {@code handle} and {@code tap} signal, and r2dbc-postgresql handles each backend message
 * that way: a dozen restores per read, about 5 % of a read's CPU (README, Figures). The services read the
 * authentication from Reactor's context (the security chain's {@code ReactiveSecurityContextHolder}), never from a
 * thread-local, so nothing a request sees changes. Micrometer's own accessor stays: log lines take their trace id
 * from it. Done once the singletons exist, before the server or a listener takes any work.
 */
final class SecurityThreadLocals implements SmartInitializingSingleton {

    static final String SECURITY_PACKAGE = "org.springframework.security.";

    private final ContextRegistry registry;

    SecurityThreadLocals(ContextRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        accessorsOfSecurity().forEach(accessor -> registry.removeThreadLocalAccessor(accessor.key()));
    }

    private List<ThreadLocalAccessor<?>> accessorsOfSecurity() {
        return registry.getThreadLocalAccessors().stream()
                .filter(accessor -> accessor.getClass().getName().startsWith(SECURITY_PACKAGE))
                .toList();
    }
}
