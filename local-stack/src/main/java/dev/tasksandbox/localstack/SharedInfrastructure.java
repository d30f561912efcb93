package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: one PostgreSQL and one Kafka per test JVM, started on first use and stopped when the JVM
 * exits. Tests isolate themselves by unique data, never by restarting infrastructure.
 *
 * <p>{@code -Dlocalstack.infra=testcontainers} uses Docker images instead of the embedded servers.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
            Infrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-shutdown"));
        }
        return instance;
    }

    private static Infrastructure start() {
        if ("testcontainers".equals(System.getProperty("localstack.infra"))) {
            return ContainerInfrastructure.start();
        }
        try {
            Path data = Files.createTempDirectory("local-stack-test-");
            return EmbeddedInfrastructure.start(0, 0, data, true, System.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
