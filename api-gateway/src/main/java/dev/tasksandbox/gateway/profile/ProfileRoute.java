package dev.tasksandbox.gateway.profile;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.tasksandbox.gateway.GatewayProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/users/me} is answered here; every other method on that path falls through to the accounts
 * route. A functional route is used because its handler mapping (order -1) is consulted before the gateway's
 * routes (order 1) and, unlike an annotated controller, does not turn a PUT on the same path into a 405.
 */
@Configuration(proxyBeanMethods = false)
public class ProfileRoute {

    /**
     * The two calls go through the same load balancer as the routes ({@code http://accounts} names the service,
     * not a host), retried on another instance only when the connection could not be made
     * ({@code spring.cloud.loadbalancer.retry}), and over the routes' connections
     * ({@code upstream.UpstreamConnections}). Boot's builder is cloned, not replaced by a {@code @LoadBalanced}
     * one, so the calls keep their spans and meters.
     */
    @Bean
    ProfileComposition profileComposition(
            WebClient.Builder http,
            HttpClient upstreams,
            LoadBalancedExchangeFilterFunction balanced,
            GatewayProperties properties,
            JsonMapper json) {
        WebClient.Builder toUpstreams = http.clone()
                .clientConnector(new ReactorClientHttpConnector(upstreams))
                .filter(balanced);
        return new ProfileComposition(
                toUpstreams.clone().baseUrl("http://accounts").build(),
                toUpstreams.clone().baseUrl("http://projects").build(),
                properties.upstreamResponseTimeout(),
                properties.profile().projectsTimeout(),
                json);
    }

    @Bean
    RouterFunction<ServerResponse> composedProfileRoute(ProfileComposition composition) {
        return RouterFunctions.route(GET("/api/users/me"), composition::profile);
    }
}
