package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.TokenForge;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

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
