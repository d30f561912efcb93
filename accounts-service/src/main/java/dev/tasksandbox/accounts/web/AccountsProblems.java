package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.domain.EmailAlreadyTaken;
import dev.tasksandbox.accounts.domain.InvalidCredentials;
import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.web.ProblemDetailsHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    @ExceptionHandler(UserNotFound.class)
    ResponseEntity<ProblemDetail> unauthorized(UserNotFound error) {
        return unauthorized().body(problem(HttpStatus.UNAUTHORIZED, error));
    }

    /** Refusals of the token endpoint's credentials: a wrong password, a spent, expired or unknown refresh token. */
    @ExceptionHandler({InvalidCredentials.class, RefreshTokenRejected.class})
    ResponseEntity<ProblemDetail> invalidGrant(RuntimeException error) {
        return tokenEndpoint(unauthorized()).body(oauth(problem(HttpStatus.UNAUTHORIZED, error), "invalid_grant"));
    }

    @ExceptionHandler(InvalidTokenRequest.class)
    ResponseEntity<ProblemDetail> invalidTokenRequest(InvalidTokenRequest invalid) {
        return tokenEndpoint(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT))
                .body(oauth(invalidInput(invalid), invalid.oauthError()));
    }

    /** Every 401 says how to authenticate. */
    private static ResponseEntity.BodyBuilder unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /**
     * The token endpoint's errors as RFC 6749 section 5.2 has them, next to the problem's members: {@code error}
     * for a client to act on, {@code error_description} for its developer.
     */
    private static ProblemDetail oauth(ProblemDetail problem, String error) {
        problem.setProperty("error", error);
        problem.setProperty("error_description", problem.getDetail());
        return problem;
    }

    /**
     * As {@code application/json}, which RFC 6749 asks of the token endpoint's errors and which standard OAuth 2
     * clients insist on (the Nimbus SDK reads no error from {@code application/problem+json}); the body is the
     * same problem document.
     */
    private static ResponseEntity.BodyBuilder tokenEndpoint(ResponseEntity.BodyBuilder answer) {
        return answer.contentType(MediaType.APPLICATION_JSON);
    }
}
