package dev.tasksandbox.projects.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.TokenForge;
import dev.tasksandbox.web.AccessTokens;
import dev.tasksandbox.web.TokenRules;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * projects-service's side of the JWKS contract: what it needs from accounts-service's published keys to check
 * an access token. The real key fetcher and token decoder run against Pact's mock of the endpoint.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "accounts-service", pactVersion = PactSpecVersion.V4)
class AccountsJwksContractTest {

    private static final KeyPair KEYS = RsaKeyFiles.generate();
    private static final RSAKey PUBLIC = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).build();
    private static final String KEY_ID = TokenForge.keyId(KEYS);
    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    @Pact(consumer = "projects-service")
    V4Pact publishedKeys(PactDslWithProvider accounts) {
        return accounts.given("accounts-service signs tokens")
                .uponReceiving("a request for the public signing keys")
                .method("GET")
                .path("/.well-known/jwks.json")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody()
                        .eachLike("keys")
                        .stringValue("kty", "RSA")
                        .stringType("kid", KEY_ID)
                        .stringMatcher("n", BASE64URL, PUBLIC.getModulus().toString())
                        .stringMatcher(
                                "e", BASE64URL, PUBLIC.getPublicExponent().toString())
                        .closeObject()
                        .closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    void a_token_signed_with_a_published_key_is_accepted(MockServer accounts) {
        SecurityProperties properties = new SecurityProperties(
                URI.create(accounts.getUrl() + "/.well-known/jwks.json"),
                "issuer",
                "audience",
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofHours(24));
        RemoteJwks jwks = new RemoteJwks(WebClient.create(), properties, Clock.systemUTC());
        String user = UUID.randomUUID().toString();

        Jwt token = AccessTokens.decoder(jwks::keysFor, new TokenRules("issuer", "audience", Duration.ofSeconds(30)))
                .decode(TokenForge.valid(KEY_ID, user, "issuer", "audience").signedWith(KEYS.getPrivate()))
                .block(Duration.ofSeconds(10));

        assertThat(token.getSubject()).isEqualTo(user);
    }
}
