package dev.tasksandbox.accounts.infrastructure.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbox relay, bound from {@code accounts.relay} in application.yml.
 *
 * @param enabled            whether this instance runs a relay at all
 * @param slotName           the replication slot; one per service, shared by its instances (one reads at a time)
 * @param publication        the publication created by the Flyway migration
 * @param pollInterval       how long the engine waits for WAL when idle: the relay's latency floor
 * @param heartbeatInterval  how often a logical message is written so the slot advances on an idle database
 * @param offsetFlushInterval how often the position is saved; at most this much is replayed after a crash
 * @param restartBackoff     wait before restarting after a failure, or before trying again to take the slot
 * @param topicPartitions    partitions of the event topic when the relay creates it
 * @param database           where the outbox is
 * @param kafka              where the events go
 */
@ConfigurationProperties("accounts.relay")
public record RelayProperties(
        boolean enabled,
        String slotName,
        String publication,
        Duration pollInterval,
        Duration heartbeatInterval,
        Duration offsetFlushInterval,
        Duration restartBackoff,
        int topicPartitions,
        Database database,
        Kafka kafka) {

    public record Database(String host, int port, String name, String user, String password) {

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** A connection of the relay's own, outside the service's reactive pool: the relay blocks. */
        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    public record Kafka(String bootstrapServers) {}
}
