package dev.tasksandbox.accounts.infrastructure.tokens;

import dev.tasksandbox.accounts.application.AccessTokenIssuer;
import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.ApiSecurity;
import dev.tasksandbox.web.RevokedSessions;
import dev.tasksandbox.web.TokenRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties) {
        return SigningKeys.from(properties);
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        return new JjwtAccessTokenIssuer(keys, properties, clock);
    }

    /**
     * accounts checks its own tokens with the keys it publishes, in memory: no HTTP round trip to itself; and it
     * refuses those its user revoked by logging out everywhere.
     */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SigningKeys keys, TokenProperties properties, RevokedSessions revoked) {
        return AccessTokens.refusingRevoked(
                AccessTokens.decoder(
                        token -> Flux.fromIterable(keys.publicKeys().getKeys()),
                        new TokenRules(properties.issuer(), properties.audience(), properties.clockSkew())),
                revoked);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ApiSecurity.filterChain(
                http,
                decoder,
                new OrServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(
                                HttpMethod.POST, "/api/users", "/api/users/login", "/api/users/logout"),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json")));
    }
}
