package dev.tasksandbox.projects.infrastructure.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How projects-service checks access tokens, bound from {@code projects.security}.
 *
 * @param jwksUri               accounts-service's published keys
 * @param issuer                the {@code iss} every token must carry
 * @param audience              the {@code aud} every token must carry
 * @param clockSkew             how far the clocks of issuer and checker may disagree
 * @param jwksMaxAge            keys are fetched again after this long, so a removed key stops working
 * @param jwksHardMaxAge        keys fetched longer ago than this are no longer trusted, even when accounts cannot
 *                              be reached to fetch them again: tokens are then answered 503 until it can
 * @param jwksMinRefreshInterval the keys are fetched at most this often, the first time included, so forged key
 *                              ids or a flood while accounts is away cannot turn this service into a flood
 *                              against accounts
 * @param revocationHorizon     how long a log-out-everywhere is remembered: longer than any access token lives
 *                              (accounts' ACCESS_TOKEN_LIFETIME plus the clock skew), since a token issued before
 *                              it must be refused until it expires of itself
 */
@ConfigurationProperties("projects.security")
public record SecurityProperties(
        URI jwksUri,
        String issuer,
        String audience,
        Duration clockSkew,
        Duration jwksMaxAge,
        Duration jwksHardMaxAge,
        Duration jwksMinRefreshInterval,
        Duration revocationHorizon) {}
