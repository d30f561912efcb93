package dev.tasksandbox.projects.infrastructure.security;

import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.ApiSecurity;
import dev.tasksandbox.web.TokenRules;
import io.r2dbc.spi.ConnectionFactory;
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
    RevocationFeed revocationFeed(ConnectionFactory connections, SecurityProperties properties, Clock clock) {
        return new RevocationFeed(connections, clock, properties.revocationHorizon());
    }

    /** Tokens checked against accounts' keys, then against the log-outs-everywhere this instance knows of. */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SecurityProperties properties, Clock clock, RevocationFeed revoked) {
        RemoteJwks jwks = new RemoteJwks(WebClient.create(), properties, clock);
        return AccessTokens.refusingRevoked(
                AccessTokens.decoder(
                        jwks::keysFor,
                        new TokenRules(properties.issuer(), properties.audience(), properties.clockSkew())),
                revoked);
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
