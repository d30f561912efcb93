package dev.tasksandbox.projects.infrastructure.security;

import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.TokenRules;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * projects-service is a resource server: every request of its API needs an access token issued by accounts. The
 * chain itself is the edge chassis' (web-support); this says how a token is checked.
 */
@Configuration(proxyBeanMethods = false)
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
}
