package dev.tasksandbox.projects.infrastructure.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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
 *   <li>Kept for {@code jwksMaxAge}, then fetched again, so a removed key stops working. If that refresh fails,
 *       the keys held so far go on serving: they were valid a moment ago, and accounts may only be restarting.</li>
 *   <li>A token signed by a key not yet known makes it fetch at once (rotation needs no restart), but at most once
 *       per {@code jwksMinRefreshInterval}, counted from the last attempt, so forged key ids cannot turn this
 *       service into a flood against accounts. If that fetch fails the token cannot be judged: a plain
 *       {@link JwtException}, which the security chain answers 503.</li>
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
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private volatile @Nullable Fetched fetched;
    private volatile Instant lastAttempt = Instant.EPOCH;

    RemoteJwks(WebClient http, SecurityProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    Flux<JWK> keysFor(SignedJWT token) {
        String keyId = token.getHeader().getKeyID();
        return current()
                .flatMap(keys -> keys.getKeyByKeyId(keyId) == null && mayRefetch() ? fetch() : Mono.just(keys))
                .flatMapIterable(JWKSet::getKeys);
    }

    private Mono<JWKSet> current() {
        Fetched last = fetched;
        if (last == null) {
            return fetch();
        }
        if (last.at().plus(properties.jwksMaxAge()).isBefore(clock.instant()) && mayRefetch()) {
            return fetch().onErrorResume(failure -> {
                log.warn("Could not refresh the signing keys; going on with those fetched at {}", last.at());
                return Mono.just(last.keys());
            });
        }
        return Mono.just(last.keys());
    }

    private boolean mayRefetch() {
        return lastAttempt.plus(properties.jwksMinRefreshInterval()).isBefore(clock.instant());
    }

    /** Joins the fetch in flight, or starts one that later callers join until it ends. */
    private Mono<JWKSet> fetch() {
        Mono<JWKSet> fresh = Mono.defer(() -> {
                    lastAttempt = clock.instant();
                    return http.get().uri(properties.jwksUri()).retrieve().bodyToMono(String.class);
                })
                .timeout(FETCH_TIMEOUT)
                .map(RemoteJwks::parse)
                .doOnNext(keys -> fetched = new Fetched(keys, clock.instant()))
                .onErrorMap(
                        error -> !(error instanceof JwtException),
                        error -> new JwtException(
                                "The signing keys could not be fetched from " + properties.jwksUri(), error))
                .doFinally(signal -> inFlight.set(null))
                .cache();
        Mono<JWKSet> shared = inFlight.compareAndExchange(null, fresh);
        return shared != null ? shared : fresh;
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new JwtException("The published signing keys are not a JWK set", e);
        }
    }
}
