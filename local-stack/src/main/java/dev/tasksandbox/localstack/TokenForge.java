package dev.tasksandbox.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
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

    private TokenForge() {
    }

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

    public String signedWith(PrivateKey key) {
        String content = content();
        return content + "." + encode(sign("SHA256withRSA", key, content));
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
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> members) {
        return members.entrySet().stream()
                .map(member -> "\"" + member.getKey() + "\":" + (member.getValue() instanceof Number
                        ? member.getValue().toString() : "\"" + member.getValue() + "\""))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
