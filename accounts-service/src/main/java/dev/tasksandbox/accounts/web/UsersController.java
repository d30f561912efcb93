package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.application.ChangeEmail;
import dev.tasksandbox.accounts.application.Profile;
import dev.tasksandbox.accounts.application.Profiles;
import dev.tasksandbox.accounts.application.RegisterUser;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.accounts.domain.UserNotFound;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.FieldValidation;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.web.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Users", description = "Registration and the caller's profile")
@RestController
@RequestMapping("/api/users")
class UsersController {

    static final URI ME = URI.create("/api/users/me");

    private static final String EMAIL = "An email address, trimmed; unique without regard to case";
    private static final String PASSWORD =
            "8 to 72 bytes in UTF-8 (a longer one is refused, never cut), so at most 72 characters";

    record RegistrationRequest(
            @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = EMAIL)
            String email,

            @Schema(maxLength = 72, description = PASSWORD) String password) {}

    record Registered(UUID id) {}

    record EmailChange(
            @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = EMAIL)
            String email) {}

    /**
     * The profile as a client sees it: through the gateway, which adds the caller's active projects. Only the
     * document uses it; accounts answers {@link Profile}, and the gateway composes.
     */
    record ComposedProfile(
            UUID id,
            String email,

            @Schema(
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                    description = "The caller's active projects, absent when projects-service cannot answer")
            List<ProjectName> projects) {}

    record ProjectName(UUID id, String name) {}

    private final RegisterUser registerUser;
    private final Profiles profiles;
    private final ChangeEmail changeEmail;

    UsersController(RegisterUser registerUser, Profiles profiles, ChangeEmail changeEmail) {
        this.registerUser = registerUser;
        this.profiles = profiles;
        this.changeEmail = changeEmail;
    }

    @SecurityRequirements
    @Operation(operationId = "registerUser", summary = "Register")
    @ApiResponse(responseCode = "201", description = "Registered; Location is the profile")
    @ApiResponse(responseCode = "409", description = "The email is taken (case-insensitive)")
    @ApiResponse(responseCode = "422", description = "Invalid email or password (8 to 72 UTF-8 bytes)")
    @ApiResponse(responseCode = "429", description = "Too many registrations from this address (the gateway's limit)")
    @ApiResponse(responseCode = "503", description = "Password hashing is at capacity; see Retry-After")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Registered>> register(@RequestBody RegistrationRequest request) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<EmailAddress> email = validation.check(() -> new EmailAddress(request.email()));
        FieldValidation.Checked<Password> password = validation.check(() -> new Password(request.password()));
        validation.throwIfInvalid();
        return registerUser
                .handle(new RegisterUser.Command(email.value(), password.value()))
                .map(id -> ResponseEntity.created(ME).body(new Registered(id.value())));
    }

    @Operation(operationId = "getProfile", summary = "The caller's profile", description = """
            Through the gateway the answer also has `projects: [{id, name}]`, the caller's active (not archived) \
            projects, which the gateway asks projects-service for. When projects-service cannot answer, \
            `projects` is absent (not empty) and the answer carries `Warning: 199 api-gateway "projects are \
            unavailable; the profile is partial"`.""")
    @ApiResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ComposedProfile.class)))
    @GetMapping("/me")
    Mono<Profile> me(@AuthenticationPrincipal Jwt token) {
        UserId user = AccessTokens.userOf(token);
        return profiles.of(user).switchIfEmpty(Mono.error(() -> new UserNotFound(user)));
    }

    /** 303 to the profile, the sandbox's redirect-after-write; the same address is a no-op that answers the same. */
    @Operation(operationId = "changeEmail", summary = "Change the caller's email; the same email is a no-op")
    @ApiResponse(responseCode = "303", description = "Changed; Location is the profile")
    @ApiResponse(responseCode = "409", description = "The email is taken")
    @ApiResponse(responseCode = "422", description = "Invalid email")
    @PutMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changeEmail(@AuthenticationPrincipal Jwt token, @RequestBody EmailChange request) {
        FieldValidation validation = new FieldValidation();
        FieldValidation.Checked<EmailAddress> email = validation.check(() -> new EmailAddress(request.email()));
        validation.throwIfInvalid();
        return changeEmail
                .handle(new ChangeEmail.Command(AccessTokens.userOf(token), email.value()))
                .then(Mono.fromSupplier(() ->
                        ResponseEntity.status(HttpStatus.SEE_OTHER).location(ME).<Void>build()));
    }
}
