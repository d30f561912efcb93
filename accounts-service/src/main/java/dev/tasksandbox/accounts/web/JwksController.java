package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.application.PublicKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public keys that verify access tokens (RFC 7517), the signing key first. */
@RestController
class JwksController {

    private final PublicKeys keys;

    JwksController(PublicKeys keys) {
        this.keys = keys;
    }

    @SecurityRequirements
    @Operation(summary = "The public keys that verify access tokens (RFC 7517), the signing key first")
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.asJwkSet());
    }
}
