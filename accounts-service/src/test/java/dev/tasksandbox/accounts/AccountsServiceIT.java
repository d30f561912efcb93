package dev.tasksandbox.accounts;

import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.RsaKeyFiles;
import dev.tasksandbox.testkit.SharedInfrastructure;
import dev.tasksandbox.testkit.TokenForge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole service on a random port, against the test JVM's one real
 * PostgreSQL and Kafka, configured through the same variables an operator sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(DocumentedAnswers.class)
public abstract class AccountsServiceIT {

    /** Signs new tokens. */
    protected static final KeyPair SIGNING_KEYS = RsaKeyFiles.generate();
    /** Retired: no longer signs, still verifies, as during a key rotation. */
    protected static final KeyPair RETIRED_KEYS = RsaKeyFiles.generate();

    protected static final String ISSUER = "tasksandbox-accounts";
    protected static final String AUDIENCE = "tasksandbox-api";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.serviceEnvironment("accounts").forEach((name, value) -> registry.add(name, () -> value));
        // Cost 10 keeps a hash (tens of ms) well above the noise of a request, so timing tests mean something.
        registry.add("BCRYPT_COST", () -> "10");
        Path keys = Files.createTempDirectory("accounts-it-keys");
        Path signing = RsaKeyFiles.write(keys.resolve("signing"), SIGNING_KEYS);
        Path retired = RsaKeyFiles.write(keys.resolve("retired"), RETIRED_KEYS);
        registry.add(
                "TOKEN_SIGNING_KEY_FILE",
                () -> signing.resolve(RsaKeyFiles.PRIVATE_KEY).toString());
        registry.add(
                "TOKEN_VERIFICATION_KEY_FILES",
                () -> retired.resolve(RsaKeyFiles.PUBLIC_KEY).toString());
        registry.add("TOKEN_ISSUER", () -> ISSUER);
        registry.add("TOKEN_AUDIENCE", () -> AUDIENCE);
        registry.add("MANAGEMENT_PORT", () -> "0"); // the actuator on a port of its own, as everywhere
        // Spans are recorded and propagated, not sent: no Zipkin runs here (the system tests read them there).
        registry.add("TRACING_ENABLED", () -> "false");
    }

    @LocalManagementPort
    int managementPort;

    /** The actuator, on the management port: the API's port has none. */
    protected WebTestClient actuator() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort + "/actuator")
                .build();
    }

    /** The {@code kid} accounts gives a key: its RFC 7638 thumbprint. */
    protected static String keyId(KeyPair keys) {
        return TokenForge.keyId(keys);
    }

    protected static String uniqueEmail() {
        return "user-" + java.util.UUID.randomUUID() + "@example.com";
    }
}
