package dev.tasksandbox.accounts.infrastructure.tokens;

import dev.tasksandbox.accounts.application.AccessTokenIssuer;
import dev.tasksandbox.kernel.UserId;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/** Signs access tokens with jjwt: RS256, {@code kid} in the header, claims sub, iss, aud, iat and exp. */
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
    public AccessToken issue(UserId user) {
        Instant now = clock.instant();
        String token = Jwts.builder()
                .header().keyId(keys.signingKeyId()).and()
                .subject(user.toString())
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.accessTokenLifetime())))
                .signWith(keys.signingKey(), Jwts.SIG.RS256)
                .compact();
        return new AccessToken(token, properties.accessTokenLifetime());
    }
}
