package dev.tasksandbox.web;

import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.web.edge.ClientConnection;
import dev.tasksandbox.web.edge.TraceIds;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Where errors become HTTP answers: RFC 9457 problem details, for every service that uses the chassis. A
 * service's domain errors get the status its {@link DomainErrors} gives them; a client's mistake is never a 500;
 * an unexpected exception is, and it is logged as the bug it is. A client that went away is not an error: there
 * is nobody to answer, so nothing is written and nothing is logged above debug.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // after any advice a service adds; a controller's own handlers come first anyway
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final DomainErrors domainErrors;

    public ProblemDetailsHandler(DomainErrors domainErrors) {
        this.domainErrors = domainErrors;
    }

    /** 422 naming every refused field: {@code errors: [{field, message}]}. */
    @ExceptionHandler(InvalidInput.class)
    public ProblemDetail invalidInput(InvalidInput invalid) {
        return invalidInputProblem(invalid);
    }

    /** The problem of an invalid input, for an endpoint that answers it in words of its own as well. */
    public static ProblemDetail invalidInputProblem(InvalidInput invalid) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, invalid.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    /** A body larger than the codecs accept. */
    @ExceptionHandler(DataBufferLimitException.class)
    public ProblemDetail tooLarge(DataBufferLimitException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
    }

    /** A bounded worker queue (password hashing) is full: the service is saturated, not broken. */
    @ExceptionHandler(RejectedExecutionException.class)
    public ResponseEntity<ProblemDetail> saturated(RejectedExecutionException error) {
        return retrySoon("Too busy right now; retry shortly");
    }

    /**
     * The database is away or refused the connection (a restart, a failover, connections cut): nothing is wrong
     * with the request, and it may succeed in a moment, so 503 with {@code Retry-After}, not a 500. Logged as a
     * warning without the stack, which says nothing the message does not.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception error) {
        log.warn("Database unavailable: {}", error.getMessage());
        return retrySoon("The database is unavailable right now; retry shortly");
    }

    /**
     * A domain error gets its status; anything else is a bug, logged under the request's trace id so that it is
     * found next to the request that met it. A client that hung up gets no answer and is no error. A failure
     * after the answer had started is handed back to WebFlux, which writes nothing on a committed answer.
     */
    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<ProblemDetail>> unexpected(Exception error, ServerWebExchange exchange) {
        if (ClientConnection.wentAway(exchange)) {
            // Whatever failed, it failed for nobody: the client's hanging up cut the request short.
            log.debug("The client went away: {}", error.toString());
            return ClientConnection.answerNobody(exchange).then(Mono.empty());
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Optional<HttpStatus> domain = domainErrors.statusOf(error);
        if (domain.isPresent()) {
            return Mono.just(answer(domain.get(), error.getMessage()));
        }
        try (MDC.MDCCloseable ignored =
                MDC.putCloseable(TraceIds.LOG_KEY, TraceIds.of(exchange).orElse(""))) {
            log.error("Unexpected error", error);
        }
        return Mono.just(answer(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged"));
    }

    /** A body or parameter that cannot be read (bad JSON, wrong type) is a validation error like any other: 422. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException error, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                error.getReason() != null ? error.getReason() : "The request could not be read");
        problem.setTitle("Malformed request");
        return handleExceptionInternal(error, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
    }

    /** Every 401 says how to authenticate. */
    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, @Nullable String detail) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** 503 with {@code Retry-After: 1}: the service cannot answer this moment, and may the next. */
    private static ResponseEntity<ProblemDetail> retrySoon(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }
}
