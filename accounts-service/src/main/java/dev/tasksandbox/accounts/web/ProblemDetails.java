package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.kernel.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The one place where errors become HTTP answers: RFC 9457 problem details, each domain error to one status.
 * A client's mistake is never a 500; an unexpected exception is, and is logged as the bug it is.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, invalid.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler(EmailAlreadyTaken.class)
    ProblemDetail emailAlreadyTaken(EmailAlreadyTaken error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception error) {
        log.error("Unexpected error", error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged");
    }

    /** A body that is not JSON, or not the expected shape, is a validation error like any other: 422. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException error, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                error.getReason() != null ? error.getReason() : "The request body could not be read");
        problem.setTitle("Malformed request");
        return handleExceptionInternal(error, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
    }
}
