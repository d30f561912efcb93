package dev.tasksandbox.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** PostgreSQL from the zonky binaries and Kafka as a child JVM: no Docker needed. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static EmbeddedInfrastructure start(
            int postgresPort, int kafkaPort, Path dataDirectory, boolean fresh, PrintStream output) {
        PostgresServer postgres = PostgresServer.start(postgresPort, dataDirectory.resolve("postgres"), fresh);
        try {
            return new EmbeddedInfrastructure(
                    postgres, KafkaBroker.start(kafkaPort, dataDirectory.resolve("kafka"), fresh, output));
        } catch (RuntimeException kafkaFailed) {
            postgres.close();
            throw kafkaFailed;
        }
    }

    @Override
    public String postgresHost() {
        return "localhost";
    }

    @Override
    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public Optional<ProcessHandle> postgresProcess() {
        return postgres.postmaster();
    }

    @Override
    public Optional<ProcessHandle> kafkaProcess() {
        return kafka.process();
    }

    /** Kafka first: it is the client-facing end, and PostgreSQL holds nothing Kafka needs. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
