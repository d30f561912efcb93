package dev.tasksandbox.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The token endpoint as a standard OAuth 2 client library sees it (the Nimbus OAuth 2.0 SDK): its requests, its
 * parsing of answers and errors, with no hand-written JSON in between.
 */
class StandardOAuthClientIT extends AccountsServiceIT {

    private static final String PASSWORD = "correct horse";

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void the_password_grant_and_the_refresh_grant_give_token_pairs() throws Exception {
        String email = registered();

        AccessTokenResponse login = send(passwordGrant(email, PASSWORD)).toSuccessResponse();
        RefreshToken first = login.getTokens().getRefreshToken();
        AccessTokenResponse refreshed = send(new RefreshTokenGrant(first)).toSuccessResponse();

        assertThat(login.getTokens().getBearerAccessToken().getValue()).isNotBlank();
        assertThat(login.getTokens().getAccessToken().getLifetime()).isPositive();
        assertThat(refreshed.getTokens().getRefreshToken()).isNotNull().isNotEqualTo(first);
    }

    @Test
    void a_wrong_password_is_an_invalid_grant() throws Exception {
        String email = registered();

        ErrorObject error =
                send(passwordGrant(email, "wrong horse")).toErrorResponse().getErrorObject();

        assertThat(error.getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        assertThat(error.getDescription()).isEqualTo("Invalid email or password");
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void a_spent_or_unknown_refresh_token_is_an_invalid_grant() throws Exception {
        String email = registered();
        RefreshToken first = send(passwordGrant(email, PASSWORD))
                .toSuccessResponse()
                .getTokens()
                .getRefreshToken();
        send(new RefreshTokenGrant(first)).toSuccessResponse();

        for (RefreshToken refused : new RefreshToken[] {first, new RefreshToken("made-up")}) {
            ErrorObject error =
                    send(new RefreshTokenGrant(refused)).toErrorResponse().getErrorObject();

            assertThat(error.getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
            assertThat(error.getDescription()).isNotBlank();
        }
    }

    @Test
    void the_document_declares_the_token_endpoints_errors_as_the_json_they_are() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/users/login'].post.responses['401'].content['application/json']")
                .exists()
                .jsonPath("$.paths['/api/users/login'].post.responses['422'].content['application/json']")
                .exists()
                .jsonPath("$.paths['/api/users/login'].post.responses['401'].content['application/problem+json']")
                .doesNotExist();
    }

    private String registered() {
        String email = uniqueEmail();
        new AccountsApi(http).registered(email, PASSWORD);
        return email;
    }

    private static AuthorizationGrant passwordGrant(String email, String password) {
        return new ResourceOwnerPasswordCredentialsGrant(email, new Secret(password));
    }

    private TokenResponse send(AuthorizationGrant grant) throws Exception {
        URI endpoint = URI.create("http://localhost:" + port + "/api/users/login");
        return TokenResponse.parse(
                new TokenRequest(endpoint, grant).toHTTPRequest().send());
    }
}
