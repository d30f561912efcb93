package dev.tasksandbox.accounts.infrastructure.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tasksandbox.accounts.application.PublicKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs new access tokens, and every public key that still verifies them. Rotation: configure the
 * new private key to sign and list the old public key under verification keys; tokens of both are accepted and
 * both are published; once the old tokens have expired, remove the old key. A key's id ({@code kid}) is its
 * RFC 7638 thumbprint, so it needs no configuration and cannot clash.
 */
public final class SigningKeys implements PublicKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAPrivateCrtKey signingKey;
    private final String signingKeyId;
    private final JWKSet publicKeys;
    private final Map<String, Object> publishedJwkSet;

    SigningKeys(RSAPrivateCrtKey signingKey, List<RSAPublicKey> verificationKeys) {
        this.signingKey = signingKey;
        List<JWK> keys = new ArrayList<>();
        RSAKey signing = jwk(PemKeys.publicKeyOf(signingKey));
        keys.add(signing);
        verificationKeys.stream()
                .map(SigningKeys::jwk)
                .filter(key -> !key.getKeyID().equals(signing.getKeyID()))
                .forEach(keys::add);
        this.signingKeyId = signing.getKeyID();
        this.publicKeys = new JWKSet(keys);
        this.publishedJwkSet = Map.copyOf(publicKeys.toJSONObject(true));
    }

    static SigningKeys from(TokenProperties properties) {
        List<RSAPublicKey> verification = properties.verificationKeyFiles().stream()
                .map(file -> PemKeys.publicKey(read(file)))
                .toList();
        return new SigningKeys(signingKeyFrom(properties), verification);
    }

    public RSAPrivateCrtKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The public keys to publish and to verify with, the signing key's first. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    @Override
    public Map<String, Object> asJwkSet() {
        return publishedJwkSet;
    }

    private static RSAPrivateCrtKey signingKeyFrom(TokenProperties properties) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return PemKeys.privateKey(properties.signingKey());
        }
        if (properties.signingKeyFile() != null && !properties.signingKeyFile().isBlank()) {
            return PemKeys.privateKey(read(properties.signingKeyFile()));
        }
        log.warn("No signing key configured (TOKEN_SIGNING_KEY_FILE or TOKEN_SIGNING_KEY): using a key generated "
                + "for this process only. Tokens will not survive a restart, nor work across instances.");
        return ephemeralKey(properties.generatedKeyBits());
    }

    private static RSAPrivateCrtKey ephemeralKey(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has RSA", e);
        }
    }

    private static RSAKey jwk(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key's thumbprint", e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        }
    }
}
