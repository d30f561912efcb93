package dev.tasksandbox.accounts;

import dev.tasksandbox.localstack.Infrastructure;
import dev.tasksandbox.localstack.SharedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a random port, against the test JVM's one real
 * PostgreSQL and Kafka, configured through the same variables an operator sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class AccountsServiceIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.serviceEnvironment("accounts").forEach((name, value) -> registry.add(name, () -> value));
        // The lowest cost bcrypt allows: these tests are about behaviour, not about hashing strength.
        registry.add("BCRYPT_COST", () -> "4");
    }

    protected static String uniqueEmail() {
        return "user-" + java.util.UUID.randomUUID() + "@example.com";
    }
}
