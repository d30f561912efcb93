package dev.tasksandbox.web;

import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.kernel.TraceParent;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Where errors become HTTP answers: RFC 9457 problem details. Each service extends this class with a
 * {@code @RestControllerAdvice} that maps its own domain errors, one status each. A client's mistake is never
 * a 500; an unexpected exception is, and it is logged as the bug it is.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    /** 422 naming every refused field: {@code errors: [{field, message}]}. */
    @ExceptionHandler(InvalidInput.class)
    public ProblemDetail invalidInput(InvalidInput invalid) {
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

    /** 503 with {@code Retry-After: 1}: the service cannot answer this moment, and may the next. */
    private static ResponseEntity<ProblemDetail> retrySoon(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    /** Logged under the request's trace id, so the bug is found next to the request that met it. */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception error, ServerWebExchange exchange) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(
                TraceParent.LOG_KEY,
                TraceContextFilter.of(exchange).map(TraceParent::traceId).orElse(""))) {
            log.error("Unexpected error", error);
        }
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged");
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

    /** A problem for a domain error: its message is written for the client. */
    protected static ProblemDetail problem(HttpStatus status, RuntimeException error) {
        return ProblemDetail.forStatusAndDetail(status, error.getMessage());
    }
}
