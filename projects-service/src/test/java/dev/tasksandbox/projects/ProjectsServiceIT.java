package dev.tasksandbox.projects;

import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.SharedInfrastructure;
import dev.tasksandbox.testkit.TokenForge;
import dev.tasksandbox.web.AccessTokens;
import java.security.KeyPair;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a random port, against the test JVM's one real
 * PostgreSQL and Kafka, configured through the same variables an operator sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(DocumentedAnswers.class)
public abstract class ProjectsServiceIT {

    protected static final String ISSUER = "tasksandbox-accounts";
    protected static final String AUDIENCE = "tasksandbox-api";
    /** The key accounts-service signs with, as far as these tests are concerned. */
    protected static final KeyPair SIGNING_KEYS = RsaKeyFiles.generate();

    protected static final TestJwks JWKS = TestJwks.start();

    static {
        JWKS.publish(SIGNING_KEYS);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.serviceEnvironment("projects").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("ACCOUNTS_JWKS_URI", JWKS::uri);
        registry.add("MANAGEMENT_PORT", () -> "0"); // an actuator port of its own, as operators run it
        // Spans are recorded and propagated, not sent: no Zipkin runs here (the system tests read them there).
        registry.add("TRACING_ENABLED", () -> "false");
        registry.add("TOKEN_ISSUER", () -> ISSUER);
        registry.add("TOKEN_AUDIENCE", () -> AUDIENCE);
        // Short, so that a test can watch a removed key stop working.
        registry.add("JWKS_MAX_AGE", () -> "2s");
    }

    /** A valid access token for {@code user}, signed as accounts-service would. */
    protected static String accessToken(String user) {
        return TokenForge.valid(TestJwks.keyId(SIGNING_KEYS), user, ISSUER, AUDIENCE)
                .signedWith(SIGNING_KEYS.getPrivate());
    }

    /** The same, issued at {@code at} to the microsecond, as accounts-service says it. */
    protected static String accessToken(String user, Instant issuedAt) {
        return TokenForge.valid(TestJwks.keyId(SIGNING_KEYS), user, ISSUER, AUDIENCE)
                .claim("iat", issuedAt.getEpochSecond())
                .claim(AccessTokens.ISSUED_AT_MICROS, AccessTokens.issuedAtMicros(issuedAt))
                .signedWith(SIGNING_KEYS.getPrivate());
    }
}
