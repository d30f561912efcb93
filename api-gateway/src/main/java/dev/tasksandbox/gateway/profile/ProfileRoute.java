package dev.tasksandbox.gateway.profile;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.tasksandbox.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/users/me} is answered here; every other method on that path falls through to the accounts
 * route. A functional route is used because its handler mapping (order -1) is consulted before the gateway's
 * routes (order 1) and, unlike an annotated controller, does not turn a PUT on the same path into a 405.
 */
@Configuration(proxyBeanMethods = false)
public class ProfileRoute {

    @Bean
    ProfileComposition profileComposition(WebClient.Builder http, GatewayProperties properties, JsonMapper json) {
        return new ProfileComposition(http, properties, json);
    }

    @Bean
    RouterFunction<ServerResponse> composedProfileRoute(ProfileComposition composition) {
        return RouterFunctions.route(GET("/api/users/me"), composition::profile);
    }
}
