package dev.tasksandbox.testkit;

import static dev.tasksandbox.testkit.TokenForge.valid;

import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.TokenForge.Json;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * The catalogue of forged access tokens ({@link TokenForge} writes each): every kind of token a resource server
 * must refuse with a 401, so that each service's tests and the security corpus try the same attacks.
 */
public final class TokenAttacks {

    /** A token that must be refused, and the flaw that should make it so. */
    public record Attack(String flaw, String token) {
        @Override
        public String toString() {
            return flaw;
        }
    }

    private TokenAttacks() {}

    /**
     * Every kind of bad token a resource server must answer 401, each otherwise valid: signed by {@code key}
     * (whose id is {@code kid}) for {@code subject}, from {@code issuer}, for {@code audience}.
     */
    public static List<Attack> every(String kid, KeyPair key, String subject, String issuer, String audience) {
        long now = System.currentTimeMillis() / 1000;
        String valid = valid(kid, subject, issuer, audience).signedWith(key.getPrivate());
        KeyPair attacker = RsaKeyFiles.generate();
        return List.of(
                new Attack("alg none", valid(kid, subject, issuer, audience).unsigned()),
                new Attack(
                        "HS256 with the public key as secret",
                        valid(kid, subject, issuer, audience)
                                .hmacSignedWith(key.getPublic().getEncoded())),
                new Attack(
                        "unknown kid",
                        valid("no-such-key", subject, issuer, audience).signedWith(key.getPrivate())),
                new Attack(
                        "expired",
                        valid(kid, subject, issuer, audience)
                                .claim("iat", now - 3600)
                                .claim("exp", now - 1800)
                                .signedWith(key.getPrivate())),
                new Attack(
                        "issued in the future",
                        valid(kid, subject, issuer, audience)
                                .claim("iat", now + 3600)
                                .claim("exp", now + 7200)
                                .signedWith(key.getPrivate())),
                new Attack(
                        "wrong audience",
                        valid(kid, subject, issuer, "someone-else").signedWith(key.getPrivate())),
                new Attack(
                        "wrong issuer",
                        valid(kid, subject, "https://evil.example", audience).signedWith(key.getPrivate())),
                new Attack(
                        "no expiry",
                        valid(kid, subject, issuer, audience).without("exp").signedWith(key.getPrivate())),
                new Attack(
                        "no subject",
                        valid(kid, subject, issuer, audience).without("sub").signedWith(key.getPrivate())),
                new Attack(
                        "subject not a user id",
                        valid(kid, "admin", issuer, audience).signedWith(key.getPrivate())),
                new Attack("truncated", valid.substring(0, valid.length() - 10)),
                new Attack("a character appended", valid + "A"),
                new Attack("padding appended", valid + "=="),
                new Attack("garbage", "not.a.token"),
                new Attack(
                        "signed by another key pair",
                        valid(kid, subject, issuer, audience)
                                .signedWith(RsaKeyFiles.generate().getPrivate())),
                new Attack(
                        "RS512 with the real key",
                        valid(kid, subject, issuer, audience).signedWith("RS512", "SHA512withRSA", key.getPrivate())),
                new Attack(
                        "PS256 with the real key",
                        valid(kid, subject, issuer, audience).signedWith("PS256", "RSASSA-PSS", key.getPrivate())),
                new Attack(
                        "an unknown crit extension",
                        valid(kid, subject, issuer, audience)
                                .header("crit", new Json("[\"x-tasksandbox-unknown\"]"))
                                .header("x-tasksandbox-unknown", "must be understood")
                                .signedWith(key.getPrivate())),
                new Attack(
                        "jku naming another key set",
                        valid(kid, subject, issuer, audience)
                                .header("jku", "https://evil.example/.well-known/jwks.json")
                                .signedWith(attacker.getPrivate())),
                new Attack(
                        "jwk embedding another key",
                        valid(kid, subject, issuer, audience)
                                .header("jwk", new Json(publicJwk(attacker)))
                                .signedWith(attacker.getPrivate())),
                new Attack(
                        "x5u naming another certificate",
                        valid(kid, subject, issuer, audience)
                                .header("x5u", "https://evil.example/cert.pem")
                                .signedWith(attacker.getPrivate())),
                new Attack(
                        "not valid before an hour from now",
                        valid(kid, subject, issuer, audience)
                                .claim("nbf", now + 3600)
                                .signedWith(key.getPrivate())),
                new Attack(
                        "no kid, signed with the real key",
                        valid(kid, subject, issuer, audience)
                                .withoutHeader("kid")
                                .signedWith(key.getPrivate())));
    }

    /** An RSA public key as a JWK, as an attacker would embed it. */
    private static String publicJwk(KeyPair keys) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"kty\":\"RSA\",\"e\":\"" + TokenForge.encode(TokenForge.unsigned(key.getPublicExponent()))
                + "\",\"n\":\"" + TokenForge.encode(TokenForge.unsigned(key.getModulus())) + "\"}";
    }
}
