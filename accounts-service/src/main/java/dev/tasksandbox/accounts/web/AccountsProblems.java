package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.InvalidCredentials;
import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.web.ProblemDetailsHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Each accounts domain error to its one HTTP status. Every 401 says how to authenticate. */
@RestControllerAdvice
class AccountsProblems extends ProblemDetailsHandler {

    @ExceptionHandler(EmailAlreadyTaken.class)
    ProblemDetail emailAlreadyTaken(EmailAlreadyTaken error) {
        return problem(HttpStatus.CONFLICT, error);
    }

    /** A token for a user that no longer exists proves nothing: 401, like a bad token. */
    @ExceptionHandler({InvalidCredentials.class, RefreshTokenRejected.class, UserNotFound.class})
    ResponseEntity<ProblemDetail> unauthorized(RuntimeException error) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, error));
    }
}
