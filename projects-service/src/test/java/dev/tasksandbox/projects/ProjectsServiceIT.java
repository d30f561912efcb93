package dev.tasksandbox.projects;

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
public abstract class ProjectsServiceIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.serviceEnvironment("projects").forEach((name, value) -> registry.add(name, () -> value));
    }
}
