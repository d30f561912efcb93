package dev.tasksandbox.accounts.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tasksandbox.accounts.application.LogIn;
import dev.tasksandbox.accounts.application.RefreshLogin;
import dev.tasksandbox.accounts.application.TokenPair;
import dev.tasksandbox.kernel.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OAuth2 token endpoint of this API: the password grant (also when {@code grant_type} is left out, as the
 * sandbox's clients do) and the refresh_token grant, both as a form.
 */
@RestController
class LoginController {

    private static final String PASSWORD_GRANT = "password";
    private static final String REFRESH_GRANT = "refresh_token";

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), "bearer", pair.accessTokenLifetime().toSeconds(),
                    pair.refreshToken());
        }
    }

    private final LogIn logIn;
    private final RefreshLogin refreshLogin;

    LoginController(LogIn logIn, RefreshLogin refreshLogin) {
        this.logIn = logIn;
        this.refreshLogin = refreshLogin;
    }

    @PostMapping(path = "/api/users/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(ServerWebExchange exchange) {
        return exchange.getFormData()
                // Spring's form reader lets a broken %-escape escape as IllegalArgumentException.
                .onErrorMap(IllegalArgumentException.class, broken -> new InvalidInput(List.of(
                        new InvalidInput.FieldError("form", "is not valid application/x-www-form-urlencoded data"))))
                .flatMap(this::grant)
                // Tokens must never be cached by a browser or a proxy (RFC 6749, section 5.1).
                .map(pair -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair)));
    }

    private Mono<TokenPair> grant(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.equals(PASSWORD_GRANT)) {
            required(form, "username", "password");
            return logIn.handle(new LogIn.Command(form.getFirst("username"), form.getFirst("password")));
        }
        if (grantType.equals(REFRESH_GRANT)) {
            required(form, "refresh_token");
            return refreshLogin.handle(form.getFirst("refresh_token"));
        }
        throw new InvalidInput(List.of(new InvalidInput.FieldError("grant_type",
                "must be " + PASSWORD_GRANT + " or " + REFRESH_GRANT)));
    }

    private static void required(MultiValueMap<String, String> form, String... fields) {
        List<InvalidInput.FieldError> missing = new ArrayList<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            if (value == null || value.isEmpty()) {
                missing.add(new InvalidInput.FieldError(field, "must not be empty"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
    }
}
