package dev.tasksandbox.web;

import io.micrometer.context.ContextRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The edge chassis: what a service gets by depending on web-support. Its HTTP edge is then the same as every
 * other service's: the bearer-token security chain ({@link EdgeSecurity}, with the service's
 * {@link OpenRequests} and token decoder), the access line of each request under its trace id ({@link AccessLogFilter}), buffers
 * released when a client hangs up ({@link AbandonedRequests}),
 * problem details for every error ({@link ProblemDetailsHandler}, with the service's {@link DomainErrors}), Security's
 * thread-locals left out of Reactor's restores ({@link SecurityThreadLocals}), and
 * the OpenAPI conventions ({@link ApiDocumentation}). Ordered before Spring Boot's security auto-configurations,
 * which back off once the chassis' chains exist, and before WebFlux's, whose problem handler backs off for this one.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import({EdgeSecurity.class, ApiDocumentation.class})
public class ServiceEdgeAutoConfiguration {

    @Bean
    AccessLogFilter accessLogFilter() {
        return new AccessLogFilter();
    }

    @Bean
    SecurityThreadLocals securityThreadLocals() {
        return new SecurityThreadLocals(ContextRegistry.getInstance());
    }

    @Bean
    AbandonedRequests abandonedRequests() {
        return new AbandonedRequests();
    }

    /** A service without domain errors of its own declares no {@link DomainErrors}. */
    @Bean
    ProblemDetailsHandler problemDetailsHandler(ObjectProvider<DomainErrors> domainErrors) {
        return new ProblemDetailsHandler(domainErrors.getIfAvailable(DomainErrors::none));
    }

    /**
     * The actuator must have a port of its own: on the API's port its health and metrics would need a token (or
     * be open to every client of the API), and the gateway could be tricked into routing to it.
     */
    @Bean
    @ConditionalOnManagementPort(ManagementPortType.SAME)
    Object actuatorOnTheApisPortIsRefused() {
        throw new IllegalStateException("The actuator shares the API's port: give it a port of its own"
                + " (management.server.port, MANAGEMENT_PORT), which the gateway never routes");
    }
}
