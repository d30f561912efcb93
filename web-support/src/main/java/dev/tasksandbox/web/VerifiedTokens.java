package dev.tasksandbox.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens whose signature was verified, so that a client's next request with the same token costs a
 * lookup where it cost an RSA verification and a parse (a client sends one token for up to its whole lifetime).
 * Only the signature is taken as read: every request still has the token's claims checked (expiry, issuer,
 * audience, subject), and a remembered token counts only while the key that verified it is still published (its
 * {@code kid} is looked up again in the keys held in memory and must give the same key), so a withdrawn key's
 * tokens stop working as they did without this. At most {@link #MAXIMUM_TOKENS} are kept, none longer than
 * {@link #KEPT_FOR} (an access token's default lifetime): a bound on memory, not a rule; expiry is the claims'.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int MAXIMUM_TOKENS = 4_096;
    static final Duration KEPT_FOR = Duration.ofMinutes(15);

    private record Verified(Jwt jwt, SignedJWT signed, JWK key) {}

    private final ReactiveJwtDecoder verifying;
    private final Function<SignedJWT, Flux<JWK>> namedKey;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS)
            .expireAfterWrite(KEPT_FOR)
            .build();

    /**
     * @param verifying a decoder that verifies the signature with {@code namedKey} and checks the claims
     * @param namedKey  the key a token names, from the keys held
     * @param claims    the checks of the claims, which {@code verifying} also makes
     */
    VerifiedTokens(
            ReactiveJwtDecoder verifying, Function<SignedJWT, Flux<JWK>> namedKey, OAuth2TokenValidator<Jwt> claims) {
        this.verifying = verifying;
        this.namedKey = namedKey;
        this.claims = claims;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return verifiedNow(token);
        }
        return namedKey.apply(known.signed()).any(known.key()::equals).flatMap(stillPublished -> {
            if (!stillPublished) {
                verified.invalidate(token);
                return verifiedNow(token);
            }
            OAuth2TokenValidatorResult result = claims.validate(known.jwt());
            return result.hasErrors()
                    ? Mono.error(new JwtValidationException(
                            "An error occurred while attempting to decode the Jwt: "
                                    + result.getErrors().iterator().next().getDescription(),
                            result.getErrors()))
                    : Mono.just(known.jwt());
        });
    }

    /** Verifies and checks the token, and remembers it with the key that verified it. */
    private Mono<Jwt> verifiedNow(String token) {
        return verifying.decode(token).flatMap(jwt -> {
            SignedJWT signed;
            try {
                signed = SignedJWT.parse(token);
            } catch (ParseException cannotHappen) {
                return Mono.just(jwt); // it was just parsed to be verified; not remembered
            }
            return namedKey.apply(signed)
                    .next()
                    .doOnNext(key -> verified.put(token, new Verified(jwt, signed, key)))
                    .thenReturn(jwt)
                    // The token verified: if its key cannot be looked up again just now, it is not remembered.
                    .onErrorReturn(jwt);
        });
    }
}
