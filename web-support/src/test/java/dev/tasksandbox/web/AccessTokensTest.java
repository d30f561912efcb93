package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.TokenForge;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AccessTokensTest {

    private static final TokenRules RULES = new TokenRules("issuer", "audience", Duration.ofSeconds(30));
    private final KeyPair oldKeys = RsaKeyFiles.generate();
    private final KeyPair newKeys = RsaKeyFiles.generate();
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final ReactiveJwtDecoder decoder = AccessTokens.decoder(token -> Flux.fromIterable(published), RULES);
    private final String user = UUID.randomUUID().toString();

    @Test
    void during_a_rotation_both_keys_verify_and_once_the_old_key_is_removed_its_tokens_do_not() {
        String oldToken = token(oldKeys);
        String newToken = token(newKeys);
        published.add(jwk(newKeys));
        published.add(jwk(oldKeys));

        assertThat(decoder.decode(oldToken).block().getSubject()).isEqualTo(user);
        assertThat(decoder.decode(newToken).block().getSubject()).isEqualTo(user);

        published.remove(1);

        assertThatThrownBy(() -> decoder.decode(oldToken).block()).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(newToken).block().getSubject()).isEqualTo(user);
    }

    @Test
    void when_the_keys_cannot_be_had_the_failure_is_not_a_verdict_on_the_token() {
        ReactiveJwtDecoder unreachable =
                AccessTokens.decoder(token -> Flux.error(new IllegalStateException("connection refused")), RULES);

        assertThatThrownBy(() -> unreachable.decode(token(newKeys)).block())
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void a_token_issued_at_or_before_its_users_revocation_is_refused_and_one_a_microsecond_later_is_not() {
        published.add(jwk(newKeys));
        Instant revokedAt = halfPastASecondAgo();
        ReactiveJwtDecoder checking = AccessTokens.refusingRevoked(decoder, who -> Mono.just(revokedAt));

        for (Instant issued : List.of(revokedAt.minusMillis(400), revokedAt)) {
            assertThatThrownBy(() -> checking.decode(tokenIssuedAt(issued)).block())
                    .as("issued at %s", issued)
                    .isInstanceOf(BadJwtException.class)
                    .hasMessageContaining("logged out everywhere");
        }
        assertThat(checking.decode(tokenIssuedAt(revokedAt.plus(1, ChronoUnit.MICROS)))
                        .block()
                        .getSubject())
                .isEqualTo(user);
    }

    @Test
    void a_user_who_never_logged_out_everywhere_keeps_every_token() {
        published.add(jwk(newKeys));
        ReactiveJwtDecoder checking = AccessTokens.refusingRevoked(decoder, who -> Mono.empty());

        assertThat(checking.decode(token(newKeys)).block().getSubject()).isEqualTo(user);
    }

    /** Issued before the claim existed: its whole second is the earliest it can have been issued, so it counts. */
    @Test
    void a_token_without_the_precise_claim_counts_from_its_whole_second() {
        published.add(jwk(newKeys));
        Instant revokedAt = halfPastASecondAgo();
        ReactiveJwtDecoder checking = AccessTokens.refusingRevoked(decoder, who -> Mono.just(revokedAt));
        String sameSecond = TokenForge.valid(TokenForge.keyId(newKeys), user, RULES.issuer(), RULES.audience())
                .claim("iat", revokedAt.getEpochSecond())
                .signedWith(newKeys.getPrivate());

        assertThatThrownBy(() -> checking.decode(sameSecond).block()).isInstanceOf(BadJwtException.class);
    }

    /**
     * Base64url has one spelling per value; Nimbus also decodes others to the same bytes, so a valid token with a
     * character or padding appended verified as the token itself. Such a token is not the token that was issued.
     */
    @Test
    void a_valid_token_spelled_another_way_is_refused_though_its_bytes_are_the_same() {
        published.add(jwk(newKeys));
        String issued = token(newKeys);
        String header = issued.substring(0, issued.indexOf('.'));

        assertThat(decoder.decode(issued).block().getSubject()).isEqualTo(user);
        for (String respelled :
                List.of(issued + "A", issued + "==", otherUnusedBits(header) + issued.substring(header.length()))) {
            assertThatThrownBy(() -> decoder.decode(respelled).block())
                    .as(respelled)
                    .isInstanceOf(BadJwtException.class);
        }
    }

    /** The same bytes with the last character's unused low bits set; the part must not fill its last group. */
    private static String otherUnusedBits(String part) {
        assertThat(part.length() % 4)
                .as("a part whose last character carries unused bits")
                .isNotZero();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = part.charAt(part.length() - 1);
        return part.substring(0, part.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
    }

    /** The second request with a token skips its signature check (VerifiedTokens), never its claims'. */
    @Test
    void a_token_accepted_before_is_refused_once_it_has_expired() {
        published.add(jwk(newKeys));
        ReactiveJwtDecoder noSkew = AccessTokens.decoder(
                token -> Flux.fromIterable(published), new TokenRules(RULES.issuer(), RULES.audience(), Duration.ZERO));
        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = TokenForge.valid(TokenForge.keyId(newKeys), user, RULES.issuer(), RULES.audience())
                .claim("exp", expiry.getEpochSecond())
                .signedWith(newKeys.getPrivate());

        assertThat(noSkew.decode(shortLived).block().getSubject()).isEqualTo(user);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThatThrownBy(() -> noSkew.decode(shortLived).block())
                                .isInstanceOf(JwtValidationException.class)
                                .hasMessageContaining("expired"));
    }

    /** In the middle of a whole second, in the past as every token's issue time must be. */
    private static Instant halfPastASecondAgo() {
        return Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
    }

    private String tokenIssuedAt(Instant issued) {
        return TokenForge.valid(TokenForge.keyId(newKeys), user, RULES.issuer(), RULES.audience())
                .claim("iat", issued.getEpochSecond())
                .claim(AccessTokens.ISSUED_AT_MICROS, AccessTokens.issuedAtMicros(issued))
                .signedWith(newKeys.getPrivate());
    }

    private String token(KeyPair keys) {
        return TokenForge.valid(TokenForge.keyId(keys), user, RULES.issuer(), RULES.audience())
                .signedWith(keys.getPrivate());
    }

    private static JWK jwk(KeyPair keys) {
        return new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .algorithm(JWSAlgorithm.RS256)
                .keyID(TokenForge.keyId(keys))
                .build();
    }
}
