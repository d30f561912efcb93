package dev.tasksandbox.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request without a usable bearer token with a problem detail: 401 with {@code WWW-Authenticate: Bearer}
 * when the token is missing or bad, 503 when the token could not be checked because the signing keys are out of
 * reach (a client cannot fix that, and it is not a 500 either).
 */
public final class BearerTokenProblems implements ServerAuthenticationEntryPoint {

    private static final String KEYS_UNAVAILABLE_RETRY_SECONDS = "5";

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (failure instanceof AuthenticationServiceException) {
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, KEYS_UNAVAILABLE_RETRY_SECONDS);
            return write(response, HttpStatus.SERVICE_UNAVAILABLE, "Access tokens cannot be checked right now");
        }
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        if (failure instanceof InvalidBearerTokenException) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return write(response, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired");
        }
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(response, HttpStatus.UNAUTHORIZED, "An access token is required");
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail) {
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
