package dev.tasksandbox.testkit;

import dev.tasksandbox.localstack.ContainerInfrastructure;
import dev.tasksandbox.localstack.Directories;
import dev.tasksandbox.localstack.EmbeddedInfrastructure;
import dev.tasksandbox.localstack.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Test fixture: one PostgreSQL and one Kafka per test JVM, started on first use and stopped when the JVM
 * exits. Tests isolate themselves by unique data, never by restarting infrastructure.
 *
 * <p>{@code -Dlocalstack.infra=testcontainers} uses Docker images instead of the embedded servers.
 */
public final class SharedInfrastructure {

    private static @Nullable Infrastructure instance;
    private static @Nullable Path dataDirectory;

    private SharedInfrastructure() {}

    public static synchronized Infrastructure get() {
        if (instance == null) {
            Infrastructure started = start();
            instance = started;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                deleteQuietly(dataDirectory);
                            },
                            "local-stack-shutdown"));
        }
        return instance;
    }

    private static void deleteQuietly(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }

    private static Infrastructure start() {
        if ("testcontainers".equals(System.getProperty("localstack.infra"))) {
            return ContainerInfrastructure.start();
        }
        try {
            dataDirectory = Files.createTempDirectory("local-stack-test-");
            return EmbeddedInfrastructure.start(0, 0, dataDirectory, true, System.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
