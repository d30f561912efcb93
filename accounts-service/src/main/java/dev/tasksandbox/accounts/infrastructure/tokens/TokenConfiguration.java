package dev.tasksandbox.accounts.infrastructure.tokens;

import dev.tasksandbox.accounts.application.AccessTokenIssuer;
import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.RevokedSessions;
import dev.tasksandbox.web.TokenRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
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
}
