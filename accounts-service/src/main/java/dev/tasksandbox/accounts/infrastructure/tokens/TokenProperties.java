package dev.tasksandbox.accounts.infrastructure.tokens;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the tokens this service issues, bound from {@code accounts.tokens}.
 *
 * @param issuer               the {@code iss} claim; every service checks it
 * @param audience             the {@code aud} claim; every service checks it
 * @param accessTokenLifetime  how long an access token is accepted
 * @param refreshTokenLifetime how long a refresh token may be traded for a new pair
 * @param refreshFamilyLifetime how long after a login its refresh tokens may be traded at all, however often
 *     they are rotated
 * @param clockSkew            how far the clocks of issuer and checker may disagree
 * @param signingKeyFile       PEM file with the RSA private key (PKCS#8) that signs new tokens
 * @param signingKey           the same key as PEM text, for platforms that pass secrets as variables
 * @param verificationKeyFiles PEM files of public keys that no longer sign but still verify (key rotation)
 * @param generatedKeyBits     the size of the RSA key generated when none is configured
 */
@ConfigurationProperties("accounts.tokens")
public record TokenProperties(
        String issuer,
        String audience,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration refreshFamilyLifetime,
        Duration clockSkew,
        String signingKeyFile,
        String signingKey,
        List<String> verificationKeyFiles,
        int generatedKeyBits) {

    public TokenProperties {
        verificationKeyFiles = verificationKeyFiles == null
                ? List.of()
                : verificationKeyFiles.stream().filter(file -> !file.isBlank()).toList();
    }
}
