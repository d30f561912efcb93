package dev.tasksandbox.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.TokenAttacks;
import dev.tasksandbox.testkit.TokenForge;
import dev.tasksandbox.web.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every way a token can be wrong gets a 401 with a problem detail, never a 500. */
class AccessTokenIT extends AccountsServiceIT {

    @Autowired
    WebTestClient http;

    private String user;

    @BeforeEach
    void registerUser() {
        user = new AccountsApi(http).registered(uniqueEmail(), "correct horse");
    }

    @Test
    void every_tampered_token_is_a_401_problem() {
        for (TokenAttacks.Attack attack :
                TokenAttacks.every(keyId(SIGNING_KEYS), SIGNING_KEYS, user, ISSUER, AUDIENCE)) {
            new AccountsApi(http)
                    .me(attack.token())
                    .expectStatus()
                    .value(status -> assertThat(status).as(attack.flaw()).isEqualTo(401))
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The access token is invalid or expired");
        }
    }

    @Test
    void a_forged_token_with_every_claim_right_is_accepted_which_shows_the_attacks_above_fail_for_their_flaw() {
        String token =
                TokenForge.valid(keyId(SIGNING_KEYS), user, ISSUER, AUDIENCE).signedWith(SIGNING_KEYS.getPrivate());

        new AccountsApi(http)
                .me(token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(user);
    }

    @Test
    void tokens_of_a_retired_key_still_work_while_it_is_published() {
        String token =
                TokenForge.valid(keyId(RETIRED_KEYS), user, ISSUER, AUDIENCE).signedWith(RETIRED_KEYS.getPrivate());

        new AccountsApi(http).me(token).expectStatus().isOk();
    }

    @Test
    void a_token_for_a_user_who_does_not_exist_is_a_401() {
        String token = TokenForge.valid(keyId(SIGNING_KEYS), UUID.randomUUID().toString(), ISSUER, AUDIENCE)
                .signedWith(SIGNING_KEYS.getPrivate());

        new AccountsApi(http)
                .me(token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void the_jwks_publishes_the_signing_key_first_then_the_retired_one_and_nothing_private() {
        Map<String, Object> jwks = http.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(AccountsApi.JSON)
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).extracting(key -> key.get("kid")).containsExactly(keyId(SIGNING_KEYS), keyId(RETIRED_KEYS));
        assertThat(keys)
                .allSatisfy(key -> assertThat(key)
                        .containsEntry("kty", "RSA")
                        .containsEntry("alg", "RS256")
                        .containsEntry("use", "sig")
                        .containsKeys("n", "e")
                        .doesNotContainKeys("d", "p", "q"));
    }

    @Test
    void issued_tokens_name_the_signing_key_and_carry_every_claim() throws Exception {
        String email = uniqueEmail();
        String id = new AccountsApi(http).registered(email, "correct horse");
        String token = new AccountsApi(http)
                .tokensFor(email, "correct horse")
                .get("access_token")
                .toString();

        String[] parts = token.split("\\.", -1);
        String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"" + keyId(SIGNING_KEYS) + "\"");
        assertThat(claims)
                .contains("\"sub\":\"" + id + "\"")
                .contains("\"iss\":\"" + ISSUER + "\"")
                .contains(AUDIENCE)
                .contains("\"iat\":")
                .contains("\"" + AccessTokens.ISSUED_AT_MICROS + "\":")
                .contains("\"exp\":");
    }
}
