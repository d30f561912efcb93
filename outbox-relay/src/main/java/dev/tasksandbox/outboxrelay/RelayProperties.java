package dev.tasksandbox.outboxrelay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, bound from {@code outbox-relay} in the application's configuration. Where the
 * events go is not among them: that is the application's integration contract, which it hands over in code as
 * a {@link RelayTopic}.
 *
 * @param enabled             whether this instance runs a relay at all
 * @param name                names the engine, the Kafka producer and the heartbeat messages
 * @param slotName            the replication slot; one per database, shared by its instances (one reads at a time)
 * @param publication         the publication of the outbox table, created with the schema (inserts only)
 * @param table               the outbox table, in Debezium's outbox layout plus a {@code traceparent} and a
 *                            {@code created_at} column
 * @param offsetTable         where the engine stores its position, created with the schema
 * @param pollInterval        how long the engine waits for WAL when idle: the relay's latency floor
 * @param heartbeatInterval   how often a logical message is written so the slot advances on an idle database;
 *                            also how often the backlog is sampled
 * @param offsetFlushInterval how often the position is saved; at most this much is replayed after a crash
 * @param restartBackoff      wait before restarting after a failure, or before trying again to take a slot that
 *                            two standbys reached for at once
 * @param standbyCheck        how often a standby (another instance reads the slot) looks whether the slot is free:
 *                            about how long after the active instance's death this one takes over, plus its start
 * @param database            where the outbox is
 * @param kafka               where the events go
 */
@ConfigurationProperties("outbox-relay")
public record RelayProperties(
        boolean enabled,
        @DefaultValue("outbox-relay") String name,
        String slotName,
        String publication,
        @DefaultValue("outbox") String table,
        @DefaultValue("relay_offsets") String offsetTable,
        @DefaultValue("1ms") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration offsetFlushInterval,
        @DefaultValue("2s") Duration restartBackoff,
        @DefaultValue("500ms") Duration standbyCheck,
        Database database,
        Kafka kafka) {

    /** Table and slot names end up in SQL text: only plain lower-case identifiers are accepted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The name goes into a heartbeat's SQL literal and into client ids. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public RelayProperties {
        Objects.requireNonNull(database, "outbox-relay.database");
        Objects.requireNonNull(kafka, "outbox-relay.kafka");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "outbox-relay.name must be lower-case letters, digits and -, not " + name);
        }
        identifier("outbox-relay.slot-name", slotName);
        identifier("outbox-relay.publication", publication);
        identifier("outbox-relay.table", table);
        identifier("outbox-relay.offset-table", offsetTable);
    }

    private static void identifier(String property, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(property + " must be a lower-case SQL identifier, not " + value);
        }
    }

    public record Database(String host, int port, String name, String user, String password) {

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** A connection of the relay's own, outside the application's pool: the relay blocks. */
        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    public record Kafka(String bootstrapServers) {}
}
