package dev.tasksandbox.projects.infrastructure.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * accounts-service's public keys, fetched over HTTP.
 * <ul>
 *   <li>Kept for {@code jwksMaxAge}, then fetched again in the background, so a removed key stops working; the
 *       keys held serve meanwhile, and go on serving if that refresh fails: they were valid a moment ago, and
 *       accounts may only be restarting. No request waits for a refresh, even when accounts does not answer at
 *       all. But not for ever: past {@code jwksHardMaxAge} they are no longer trusted, and until a fetch succeeds
 *       a token cannot be judged (503), since a key accounts withdrew meanwhile would otherwise stay good.</li>
 *   <li>A token signed by a key not yet known makes it fetch at once (rotation needs no restart).</li>
 *   <li>Every fetch, the first included, is at most one per {@code jwksMinRefreshInterval}, counted from the last
 *       attempt, so neither forged key ids nor a flood of requests while accounts is away turn this service into
 *       a flood against accounts. A token that needs keys this service cannot have now is answered 503 (a plain
 *       {@link JwtException}, which the security chain answers so).</li>
 *   <li>Concurrent requests share one fetch in flight.</li>
 * </ul>
 */
final class RemoteJwks {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private record Fetched(JWKSet keys, Instant at) {}

    private final WebClient http;
    private final SecurityProperties properties;
    private final Clock clock;
    private volatile @Nullable Fetched fetched;
    private @Nullable Mono<JWKSet> inFlight;
    private Instant lastAttempt = Instant.EPOCH;

    RemoteJwks(WebClient http, SecurityProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    Flux<JWK> keysFor(SignedJWT token) {
        String keyId = token.getHeader().getKeyID();
        return current()
                .flatMap(keys -> keys.getKeyByKeyId(keyId) == null ? newerThan(keys) : Mono.just(keys))
                .flatMapIterable(JWKSet::getKeys);
    }

    private Mono<JWKSet> current() {
        Fetched last = fetched;
        if (last == null) {
            return fetchOrRefuse("No signing keys could be fetched yet from " + properties.jwksUri());
        }
        Duration age = Duration.between(last.at(), clock.instant());
        if (age.compareTo(properties.jwksHardMaxAge()) > 0) {
            return fetchOrRefuse("The signing keys fetched at " + last.at() + " are too old to be trusted");
        }
        if (age.compareTo(properties.jwksMaxAge()) > 0) {
            refreshInTheBackground();
        }
        return Mono.just(last.keys());
    }

    /** A due refresh runs on its own; its failure is logged by the fetch, once, and the old keys go on serving. */
    private void refreshInTheBackground() {
        Mono<JWKSet> due = fetchIfDue();
        if (due != null) {
            due.subscribe(refreshed -> {}, failed -> {});
        }
    }

    /** An unknown key id: perhaps a new key, so the keys are fetched again, if a fetch is due. */
    private Mono<JWKSet> newerThan(JWKSet keys) {
        Mono<JWKSet> due = fetchIfDue();
        return due != null ? due : Mono.just(keys);
    }

    private Mono<JWKSet> fetchOrRefuse(String why) {
        Mono<JWKSet> due = fetchIfDue();
        return due != null ? due : Mono.error(new JwtException(why + "; the next attempt is not due yet"));
    }

    /**
     * The fetch in flight, or a new one when the last attempt is at least {@code jwksMinRefreshInterval} old;
     * null when neither. Entered only when the keys are missing, old or lack a key id, never on a routine request.
     */
    private synchronized @Nullable Mono<JWKSet> fetchIfDue() {
        if (inFlight != null) {
            return inFlight;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastAttempt.plus(properties.jwksMinRefreshInterval()))) {
            return null;
        }
        lastAttempt = now;
        Mono<JWKSet> fetch = http.get()
                .uri(properties.jwksUri())
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(RemoteJwks::parse)
                .doOnNext(keys -> fetched = new Fetched(keys, clock.instant()))
                .doOnError(failure -> log.warn(
                        "Could not fetch the signing keys from {}: {}", properties.jwksUri(), failure.toString()))
                .onErrorMap(
                        error -> !(error instanceof JwtException),
                        error -> new JwtException(
                                "The signing keys could not be fetched from " + properties.jwksUri(), error))
                // Before the outcome reaches anyone: a caller that retries at once must not join a fetch that ended.
                .doOnTerminate(this::ended)
                .cache();
        inFlight = fetch;
        return fetch;
    }

    private synchronized void ended() {
        inFlight = null;
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new JwtException("The published signing keys are not a JWK set", e);
        }
    }
}
