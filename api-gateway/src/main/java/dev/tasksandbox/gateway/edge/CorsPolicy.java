package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties;
import dev.tasksandbox.kernel.TraceParent;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Browser access from the configured origins only. One filter in front of everything, so routed and composed
 * endpoints answer CORS alike and the services need no CORS of their own. With no origin configured every
 * cross-origin request is refused (403), which is the safe default for an API with bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
public class CorsPolicy {

    @Bean
    @Order(EdgeOrder.CORS)
    CorsWebFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(
                List.of("Authorization", "Content-Type", RequestIdentity.REQUEST_ID, TraceParent.HEADER));
        cors.setExposedHeaders(List.of(
                "Location",
                "Retry-After",
                "WWW-Authenticate",
                "Warning",
                RequestIdentity.REQUEST_ID,
                TraceParent.HEADER));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
