package dev.tasksandbox.projects.infrastructure.security;

import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.ApiSecurity;
import dev.tasksandbox.web.TokenRules;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.WebClient;

/** projects-service is a resource server: everything but health needs an access token issued by accounts. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SecurityProperties properties, Clock clock) {
        RemoteJwks jwks = new RemoteJwks(WebClient.create(), properties, clock);
        return AccessTokens.decoder(
                jwks::keysFor, new TokenRules(properties.issuer(), properties.audience(), properties.clockSkew()));
    }

    /** Operators on the management port (dead-letter replay, health, metrics) need no token; see ApiSecurity. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    SecurityWebFilterChain managementSecurity(ServerHttpSecurity http, Environment environment) {
        return ApiSecurity.managementPortChain(http, environment);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.filterChain(http, decoder); // every endpoint of the API needs a token
    }
}
