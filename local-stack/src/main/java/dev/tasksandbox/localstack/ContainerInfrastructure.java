package dev.tasksandbox.localstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same infrastructure from the images docker-compose.yml uses, for teams with a Docker engine
 * ({@code -Dlocalstack.infra=testcontainers}). This repository's CI has no engine and does not run it.
 */
public final class ContainerInfrastructure implements Infrastructure {

    public static final String POSTGRES_IMAGE = "postgres:18.1";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    @SuppressWarnings("resource") // closed in close()
    public static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("accounts")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_slot_wal_keep_size=1GB");
        postgres.start();
        try {
            postgres.execInContainer("psql", "-U", PostgresServer.USER, "-c", "CREATE DATABASE projects");
            ServiceRoles.ensureAll(database ->
                    "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database);
        } catch (Exception e) {
            postgres.stop();
            throw new IllegalStateException("Could not create the projects database and the services' roles", e);
        }
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return new ContainerInfrastructure(postgres, kafka);
    }

    @Override
    public String postgresHost() {
        return postgres.getHost();
    }

    @Override
    public int postgresPort() {
        return postgres.getMappedPort(5432);
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
