package dev.tasksandbox.web;

import dev.tasksandbox.web.edge.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
final class BearerTokenProblems implements ServerAuthenticationEntryPoint {

    private static final String KEYS_UNAVAILABLE_RETRY_SECONDS = "5";

    private final ProblemWriter problems;

    BearerTokenProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (failure instanceof AuthenticationServiceException) {
            headers.set(HttpHeaders.RETRY_AFTER, KEYS_UNAVAILABLE_RETRY_SECONDS);
            return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Access tokens cannot be checked right now");
        }
        if (failure instanceof InvalidBearerTokenException) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return answer(exchange, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired");
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return answer(exchange, HttpStatus.UNAUTHORIZED, "An access token is required");
    }

    private Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String detail) {
        return problems.write(exchange, ProblemDetail.forStatusAndDetail(status, detail));
    }
}
