package dev.tasksandbox.accounts.web;

import static dev.tasksandbox.web.ApiDocumentation.PROBLEM_SCHEMA_REF;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tasksandbox.accounts.application.LogIn;
import dev.tasksandbox.accounts.application.RefreshLogin;
import dev.tasksandbox.accounts.application.TokenPair;
import dev.tasksandbox.accounts.domain.AccountsError;
import dev.tasksandbox.accounts.domain.InvalidCredentials;
import dev.tasksandbox.accounts.domain.RefreshTokenRejected;
import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.web.ProblemDetailsHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OAuth2 token endpoint of this API: the password grant (also when {@code grant_type} is left out, as the
 * sandbox's clients do) and the refresh_token grant, both as a form. Its refusals are problem details that also
 * carry RFC 6749's {@code error} and {@code error_description}, answered here rather than by the chassis.
 */
@Tag(name = "Sessions", description = "Logging in and out: the token endpoint and the refresh-token families")
@RestController
class LoginController {

    private static final String PASSWORD_GRANT = "password";
    private static final String REFRESH_GRANT = "refresh_token";

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(
                    pair.accessToken(), "bearer", pair.accessTokenLifetime().toSeconds(), pair.refreshToken());
        }
    }

    /** The form, as documented; the endpoint reads it field by field to answer each grant's own errors. */
    record LoginForm(
            @Schema(
                    allowableValues = {PASSWORD_GRANT, REFRESH_GRANT},
                    requiredMode = NOT_REQUIRED,
                    description = "password when absent")
            String grant_type,

            @Schema(requiredMode = NOT_REQUIRED, description = "The email; password grant")
            String username,

            @Schema(requiredMode = NOT_REQUIRED, description = "password grant")
            String password,

            @Schema(requiredMode = NOT_REQUIRED, description = "refresh_token grant")
            String refresh_token) {}

    private final LogIn logIn;
    private final RefreshLogin refreshLogin;

    LoginController(LogIn logIn, RefreshLogin refreshLogin) {
        this.logIn = logIn;
        this.refreshLogin = refreshLogin;
    }

    @SecurityRequirements
    @Operation(
            operationId = "logIn",
            summary = "OAuth2 token endpoint: the password grant (username = email) or the refresh_token grant",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(implementation = LoginForm.class))))
    @ApiResponse(responseCode = "200", description = "A new token pair; a refresh token is spent when used")
    @ApiResponse(
            responseCode = "401",
            description = "Invalid email or password; or a spent, expired or unknown refresh token"
                    + " (error: invalid_grant)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = PROBLEM_SCHEMA_REF)))
    @ApiResponse(
            responseCode = "422",
            description =
                    "Malformed form (error: invalid_request) or unknown grant_type (error: unsupported_grant_type)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = PROBLEM_SCHEMA_REF)))
    @ApiResponse(responseCode = "429", description = "Too many attempts (answered by the gateway); see Retry-After")
    @ApiResponse(responseCode = "503", description = "Password checks are at capacity; see Retry-After")
    @PostMapping(path = "/api/users/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(ServerWebExchange exchange) {
        return Forms.of(exchange)
                .flatMap(this::grant)
                // Tokens must never be cached by a browser or a proxy (RFC 6749, section 5.1).
                .map(pair ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair)));
    }

    private Mono<TokenPair> grant(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        FieldValidation validation = new FieldValidation();
        if (grantType == null || grantType.equals(PASSWORD_GRANT)) {
            FieldValidation.Checked<String> username = validation.check(() -> Forms.present(form, "username"));
            FieldValidation.Checked<String> password = validation.check(() -> Forms.present(form, "password"));
            validation.throwIfInvalid();
            return logIn.handle(new LogIn.Command(username.value(), password.value()));
        }
        if (grantType.equals(REFRESH_GRANT)) {
            return refreshLogin.handle(
                    validation.check(() -> Forms.present(form, "refresh_token")).value());
        }
        throw new UnsupportedGrantType(PASSWORD_GRANT + " or " + REFRESH_GRANT);
    }

    /**
     * A wrong email or password, a spent, expired or unknown refresh token: RFC 6749's {@code invalid_grant}, with
     * the 401 and the problem's members SPEC.md gives them.
     */
    @ExceptionHandler({InvalidCredentials.class, RefreshTokenRejected.class})
    ResponseEntity<ProblemDetail> invalidGrant(AccountsError refused) {
        return refusal(
                ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"),
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage()),
                "invalid_grant");
    }

    /** A malformed form is RFC 6749's {@code invalid_request}, another grant its {@code unsupported_grant_type}. */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidInput invalid) {
        return refusal(
                ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT),
                ProblemDetailsHandler.invalidInputProblem(invalid),
                invalid instanceof UnsupportedGrantType ? "unsupported_grant_type" : "invalid_request");
    }

    /**
     * The token endpoint's errors as RFC 6749 section 5.2 has them, next to the problem's members: {@code error}
     * for a client to act on, {@code error_description} for its developer; as {@code application/json}, which
     * RFC 6749 asks and standard OAuth 2 clients insist on (the Nimbus SDK reads no error from
     * {@code application/problem+json}).
     */
    private static ResponseEntity<ProblemDetail> refusal(
            ResponseEntity.BodyBuilder answer, ProblemDetail problem, String error) {
        problem.setProperty("error", error);
        problem.setProperty("error_description", problem.getDetail());
        return answer.contentType(MediaType.APPLICATION_JSON).body(problem);
    }
}
