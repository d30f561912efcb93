package dev.tasksandbox.web;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one definition of a valid access token: RS256 only (so {@code alg: none}, HMAC, RS512 and PS256 tricks
 * fail), signed by the given key its {@code kid} names (a {@code jku}, {@code jwk} or {@code x5u} header is never
 * followed), no unknown {@code crit} extension, issuer and audience as configured, not expired, not yet valid
 * ({@code nbf}), not issued in the future, about a user (a UUID subject), and spelled as issued (canonical
 * base64url, {@link CanonicalTokens}). Anything else is a 401.
 */
public final class AccessTokens {

    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

    /**
     * Claim: the issue time in microseconds since the epoch. {@code iat} has whole seconds only, too coarse to
     * tell a token issued just before a log-out-everywhere from one issued just after it.
     */
    public static final String ISSUED_AT_MICROS = "iat_micros";

    private AccessTokens() {}

    /**
     * A decoder that looks the token's key up with {@code keys} and applies every rule. Only the key the token
     * names by its {@code kid} may verify it, and a token that names none is refused: every token accounts issues
     * names its key, and one that does not would otherwise be tried against every published key. When the keys
     * cannot be had, Nimbus throws IllegalStateException, which would surface as a 500; it becomes a plain
     * {@link JwtException}, which the security chain turns into 503.
     */
    public static ReactiveJwtDecoder decoder(Function<SignedJWT, Flux<JWK>> keys, TokenRules rules) {
        Function<SignedJWT, Flux<JWK>> namedKey = token -> {
            String keyId = token.getHeader().getKeyID();
            return keyId == null ? Flux.empty() : keys.apply(token).filter(key -> keyId.equals(key.getKeyID()));
        };
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(namedKey)
                .jwsAlgorithm(ALGORITHM)
                .build();
        OAuth2TokenValidator<Jwt> claims = validator(rules);
        decoder.setJwtValidator(claims);
        // Only a token not remembered yet gets here: its spelling is checked once, as its signature is.
        ReactiveJwtDecoder asIssued = token -> CanonicalTokens.isCanonical(token)
                ? decoder.decode(token)
                : Mono.error(
                        new BadJwtException("The token is not spelled as issued: a part is not canonical base64url"));
        ReactiveJwtDecoder remembering = new VerifiedTokens(asIssued, namedKey, claims);
        return token -> remembering
                .decode(token)
                .onErrorMap(
                        IllegalStateException.class,
                        unavailable -> new JwtException("The keys to check the token are unavailable", unavailable));
    }

    /**
     * The same decoder, which also refuses (401 {@code invalid_token}) a token issued at or before the moment its
     * user's sessions were last revoked.
     */
    public static ReactiveJwtDecoder refusingRevoked(ReactiveJwtDecoder decoder, RevokedSessions revoked) {
        return token -> decoder.decode(token)
                .flatMap(jwt -> revoked.revokedAt(userOf(jwt))
                        .filter(revokedAt -> !issuedAt(jwt).isAfter(revokedAt))
                        .flatMap(revokedAt -> Mono.<Jwt>error(
                                new BadJwtException("The token was revoked: its user logged out everywhere")))
                        .defaultIfEmpty(jwt));
    }

    /**
     * When an accepted token was issued, to the microsecond when it says so. A token without {@link
     * #ISSUED_AT_MICROS} (issued before the claim existed) counts from its whole second, the earliest it can
     * have been: at worst such a token is refused although issued in the same second after a revocation.
     */
    public static Instant issuedAt(Jwt token) {
        if (token.getClaims().get(ISSUED_AT_MICROS) instanceof Number micros) {
            return Instant.EPOCH.plus(micros.longValue(), ChronoUnit.MICROS);
        }
        Instant issuedAt = token.getIssuedAt();
        return issuedAt != null ? issuedAt : Instant.EPOCH; // the validator refuses a token without iat first
    }

    /** The value of {@link #ISSUED_AT_MICROS} for a token issued at {@code at}. */
    public static long issuedAtMicros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    /** The user an accepted token speaks for; its subject was checked to be a user id. */
    public static UserId userOf(Jwt token) {
        return UserId.parse(token.getSubject());
    }

    static OAuth2TokenValidator<Jwt> validator(TokenRules rules) {
        JwtTimestampValidator lifetime = new JwtTimestampValidator(rules.clockSkew());
        // A token without exp would never expire; Spring accepts one unless told otherwise.
        lifetime.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                lifetime,
                new JwtIssuerValidator(rules.issuer()),
                new JwtClaimValidator<List<String>>(
                        "aud", audience -> audience != null && audience.contains(rules.audience())),
                new JwtClaimValidator<String>("sub", AccessTokens::isUserId),
                notIssuedInTheFuture(rules)));
    }

    private static OAuth2TokenValidator<Jwt> notIssuedInTheFuture(TokenRules rules) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            if (issuedAt == null || issuedAt.isAfter(Instant.now().plus(rules.clockSkew()))) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token has no issue time or was issued in the future",
                        null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static boolean isUserId(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            UUID.fromString(subject);
            return true;
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
