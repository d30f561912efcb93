package dev.tasksandbox.gateway.problems;

import dev.tasksandbox.gateway.edge.RequestBodyTooLarge;
import dev.tasksandbox.gateway.edge.TooManyRequests;
import dev.tasksandbox.web.edge.ClientConnection;
import dev.tasksandbox.web.edge.ProblemWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Failures of the gateway itself, and of reaching a service, as RFC 9457 problem details. Runs before Boot's
 * default handler, which would answer an unreachable service with a 500: an upstream that is down is a 503,
 * one that is too slow a 504, one that breaks the connection a 502. Anything else is a bug and logged as one.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
public class GatewayProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);
    private static final String UPSTREAM_RETRY_AFTER_SECONDS = "5";

    private final ProblemWriter problems;

    public GatewayProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    /**
     * A client that went away gets no answer and is no error: when it hangs up mid-request, the service behind
     * sees its request cut and the gateway its upstream connection fail, which is the client's doing, not a 502.
     * A failure once the answer had started is handed back to WebFlux, which writes nothing on a committed answer.
     */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (ClientConnection.wentAway(exchange)) {
            log.debug("The client went away: {}", error.toString());
            return ClientConnection.answerNobody(exchange);
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, problemFor(error, exchange.getResponse().getHeaders()));
    }

    private ProblemDetail problemFor(Throwable error, HttpHeaders headers) {
        if (error instanceof TooManyRequests tooMany) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage());
        }
        if (error instanceof RequestBodyTooLarge tooLarge) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            log.warn("Upstream unavailable: {}", error.toString());
            headers.set(HttpHeaders.RETRY_AFTER, UPSTREAM_RETRY_AFTER_SECONDS);
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "The service behind this path is unavailable; try again shortly");
        }
        if (causedBy(error, TimeoutException.class) || isStatus(error, HttpStatus.GATEWAY_TIMEOUT)) {
            log.warn("Upstream timed out: {}", error.toString());
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.GATEWAY_TIMEOUT, "The service behind this path did not answer in time");
        }
        if (error instanceof ResponseStatusException status) {
            return ProblemDetail.forStatusAndDetail(
                    status.getStatusCode(), status.getReason() != null ? status.getReason() : status.getMessage());
        }
        if (causedBy(error, java.io.IOException.class)) {
            log.warn("Upstream connection failed: {}", error.toString());
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_GATEWAY, "The service behind this path failed to answer");
        }
        log.error("Unexpected error in the gateway", error);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged");
    }

    private static boolean isStatus(Throwable error, HttpStatus status) {
        return error instanceof ResponseStatusException e && e.getStatusCode().value() == status.value();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
