package dev.tasksandbox.localstack;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where the services' PostgreSQL and Kafka are, however they were started. */
public interface Infrastructure extends AutoCloseable {

    String postgresHost();

    int postgresPort();

    String bootstrapServers();

    /** The PostgreSQL server's postmaster, whose children are its backends, when it runs on this machine. */
    default Optional<ProcessHandle> postgresProcess() {
        return Optional.empty();
    }

    /** The Kafka broker's process, when it runs on this machine. */
    default Optional<ProcessHandle> kafkaProcess() {
        return Optional.empty();
    }

    default String postgresUser() {
        return PostgresServer.USER;
    }

    default String postgresPassword() {
        return PostgresServer.PASSWORD;
    }

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    /**
     * The environment that points a service at this infrastructure. These are the variables the services'
     * {@code application.yml} reads and docker-compose.yml sets; tests pass them as properties.
     */
    default Map<String, String> serviceEnvironment(String database) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_HOST", postgresHost(),
                "DB_PORT", Integer.toString(postgresPort()),
                "DB_NAME", database,
                "DB_USER", ServiceRoles.ownerOf(database).name(),
                "DB_PASSWORD", ServiceRoles.ownerOf(database).password(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers()));
        if (database.equals("accounts")) {
            environment.put("RELAY_DB_USER", ServiceRoles.ACCOUNTS_RELAY.name());
            environment.put("RELAY_DB_PASSWORD", ServiceRoles.ACCOUNTS_RELAY.password());
        }
        return Map.copyOf(environment);
    }

    @Override
    void close();
}
