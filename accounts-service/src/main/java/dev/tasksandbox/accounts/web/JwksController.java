package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.application.PublicKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public keys that verify access tokens (RFC 7517), the signing key first. */
@Tag(name = "Keys", description = "The public keys that verify access tokens")
@RestController
class JwksController {

    /** The document's picture of RFC 7517's key set; a key may carry more members than these. */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record PublicKey(
            @Schema(example = "RSA") String kty,
            String kid,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String alg,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String use,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "RSA modulus")
            String n,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "RSA exponent")
            String e) {}

    record KeySet(List<PublicKey> keys) {}

    private final PublicKeys keys;

    JwksController(PublicKeys keys) {
        this.keys = keys;
    }

    @SecurityRequirements
    @Operation(
            operationId = "getSigningKeys",
            summary = "The public keys that verify access tokens (RFC 7517), the signing key first")
    @ApiResponse(
            responseCode = "200",
            description = "The key set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = KeySet.class)))
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.asJwkSet());
    }
}
