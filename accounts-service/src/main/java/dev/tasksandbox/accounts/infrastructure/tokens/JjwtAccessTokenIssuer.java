package dev.tasksandbox.accounts.infrastructure.tokens;

import dev.tasksandbox.accounts.application.AccessTokenIssuer;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.web.AccessTokens;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs access tokens with jjwt: RS256, {@code kid} in the header, claims sub, iss, aud, iat, exp and
 * {@link AccessTokens#ISSUED_AT_MICROS}. An RSA
 * signature takes a millisecond or two of CPU, so it runs on Reactor's parallel scheduler, not on the event loop
 * that answered the database.
 */
final class JjwtAccessTokenIssuer implements AccessTokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    JjwtAccessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<AccessToken> issue(UserId user) {
        return Mono.fromCallable(() -> sign(user)).subscribeOn(Schedulers.parallel());
    }

    private AccessToken sign(UserId user) {
        Instant now = clock.instant();
        String token = Jwts.builder()
                .header()
                .keyId(keys.signingKeyId())
                .and()
                .subject(user.toString())
                .issuer(properties.issuer())
                .audience()
                .add(properties.audience())
                .and()
                .issuedAt(Date.from(now))
                .claim(AccessTokens.ISSUED_AT_MICROS, AccessTokens.issuedAtMicros(now))
                .expiration(Date.from(now.plus(properties.accessTokenLifetime())))
                .signWith(keys.signingKey(), Jwts.SIG.RS256)
                .compact();
        return new AccessToken(token, properties.accessTokenLifetime());
    }
}
