package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.application.LogOut;
import dev.tasksandbox.accounts.application.LogOutEverywhere;
import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.web.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Logging out: one session (a refresh token's family), or every session of the caller. */
@Tag(name = "Sessions")
@RestController
class LogoutController {

    record LogoutForm(String refresh_token) {}

    private final LogOut logOut;
    private final LogOutEverywhere logOutEverywhere;

    LogoutController(LogOut logOut, LogOutEverywhere logOutEverywhere) {
        this.logOut = logOut;
        this.logOutEverywhere = logOutEverywhere;
    }

    @SecurityRequirements
    @Operation(
            operationId = "logOut",
            summary = "Log out: the refresh token and every token rotated from it stop working",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(implementation = LogoutForm.class))))
    @ApiResponse(
            responseCode = "204",
            description = "Logged out; also the answer for an unknown or spent token, so it tells nothing")
    @ApiResponse(responseCode = "422", description = "Malformed form, or no refresh_token")
    @PostMapping(path = "/api/users/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return Forms.of(exchange)
                .flatMap(form -> logOut.handle(refreshToken(form)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    private static String refreshToken(MultiValueMap<String, String> form) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<String> token = validation.check(() -> Forms.present(form, "refresh_token"));
        validation.throwIfInvalid();
        return token.value();
    }

    @Operation(operationId = "logOutEverywhere", summary = "Log out everywhere", description = """
            Every refresh token of the caller stops working, and every access token issued to the caller until \
            now is refused: by accounts at once, by projects-service as soon as the `UserSessionsRevoked` event \
            reaches it (within a second). A token issued after this answer, even in the same second, works.""")
    @ApiResponse(responseCode = "204", description = "Logged out everywhere")
    @DeleteMapping("/api/users/me/sessions")
    Mono<ResponseEntity<Void>> logOutEverywhere(@AuthenticationPrincipal Jwt token) {
        return logOutEverywhere
                .handle(AccessTokens.userOf(token))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}
