package dev.tasksandbox.projects.infrastructure.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * accounts-service's public keys, fetched over HTTP and kept for {@code jwksMaxAge}. A token signed by a key not
 * yet known makes it fetch again at once (rotation needs no restart), though never more often than
 * {@code jwksMinRefreshInterval}. When the keys cannot be fetched the lookup fails with a plain
 * {@link JwtException}, which the security chain answers 503: the token may be fine, its check is not possible.
 */
final class RemoteJwks {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final WebClient http;
    private final SecurityProperties properties;
    private final Clock clock;
    private volatile Fetched fetched;

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
        if (last == null || last.at().plus(properties.jwksMaxAge()).isBefore(clock.instant())) {
            return fetch();
        }
        return Mono.just(last.keys());
    }

    private boolean mayRefetch() {
        Fetched last = fetched;
        return last == null || last.at().plus(properties.jwksMinRefreshInterval()).isBefore(clock.instant());
    }

    private Mono<JWKSet> fetch() {
        return http.get().uri(properties.jwksUri()).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(RemoteJwks::parse)
                .doOnNext(keys -> fetched = new Fetched(keys, clock.instant()))
                .onErrorMap(error -> !(error instanceof JwtException),
                        error -> new JwtException("The signing keys could not be fetched from " + properties.jwksUri(), error));
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new JwtException("The published signing keys are not a JWK set", e);
        }
    }
}
