package dev.tasksandbox.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test fixture: writes JWTs by hand, including the malformed and malicious ones no JWT library would produce,
 * so tests can prove the services refuse them. Claims are strings or numbers; the JSON is built here.
 */
public final class TokenForge {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private TokenForge() {}

    /** A token that looks right: RS256, the given kid, subject, issuer, audience, issued now, expiring in 5 min. */
    public static TokenForge valid(String kid, String subject, String issuer, String audience) {
        long now = System.currentTimeMillis() / 1000;
        TokenForge forge = new TokenForge();
        forge.header.put("alg", "RS256");
        forge.header.put("typ", "JWT");
        forge.header.put("kid", kid);
        forge.claims.put("sub", subject);
        forge.claims.put("iss", issuer);
        forge.claims.put("aud", audience);
        forge.claims.put("iat", now);
        forge.claims.put("exp", now + 300);
        return forge;
    }

    /** A JSON value written as is: an array or an object in a header. */
    public record Json(String value) {}

    /**
     * The key id accounts-service gives a key: its RFC 7638 thumbprint, computed here independently of the
     * service's JOSE library, so tests also check that the service computes it right.
     */
    public static String keyId(KeyPair keys) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        String canonical = "{\"e\":\"" + encode(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + encode(unsigned(key.getModulus())) + "\"}";
        try {
            return encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    public TokenForge header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public TokenForge claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TokenForge without(String claim) {
        claims.remove(claim);
        return this;
    }

    public TokenForge withoutHeader(String name) {
        header.remove(name);
        return this;
    }

    public String signedWith(PrivateKey key) {
        return signedWith("RS256", "SHA256withRSA", key);
    }

    /** Signed with {@code key} by the JCA's {@code jcaAlgorithm}, the header saying {@code alg}. */
    public String signedWith(String alg, String jcaAlgorithm, PrivateKey key) {
        header.put("alg", alg);
        String content = content();
        return content + "." + encode(sign(jcaAlgorithm, key, content));
    }

    /** HS256 with the given bytes as the secret, e.g. the verifier's public key: the classic confusion attack. */
    public String hmacSignedWith(byte[] secret) {
        header.put("alg", "HS256");
        String content = content();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return content + "." + encode(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none} and no signature at all. */
    public String unsigned() {
        header.put("alg", "none");
        return content() + ".";
    }

    private String content() {
        return encode(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + encode(json(claims).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sign(String algorithm, PrivateKey key, String content) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            if (algorithm.equals("RSASSA-PSS")) { // PS256: SHA-256, MGF1 with SHA-256, a 32-byte salt (RFC 7518)
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> members) {
        return members.entrySet().stream()
                .map(member -> "\"" + member.getKey() + "\":"
                        + (member.getValue() instanceof Number
                                ? member.getValue().toString()
                                : member.getValue() instanceof Json raw
                                        ? raw.value()
                                        : "\"" + member.getValue() + "\""))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
