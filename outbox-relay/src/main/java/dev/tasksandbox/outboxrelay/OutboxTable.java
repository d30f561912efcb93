package dev.tasksandbox.outboxrelay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outbox table as the relay sees it, over JDBC on the relay's own threads: rows leave it once Kafka has
 * acknowledged their events, and what is left is the backlog. One connection, opened when first needed and
 * again after a failure, serves the deletes of the engine thread.
 */
final class OutboxTable implements AutoCloseable {

    private final RelayProperties.Database database;
    private final String deletePublished;
    private final String backlog;
    private @Nullable Connection connection;

    OutboxTable(RelayProperties properties) {
        this.database = properties.database();
        this.deletePublished = "DELETE FROM " + properties.table() + " WHERE id = ANY (?)";
        this.backlog =
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM " + properties.table();
    }

    /** What is still to be published: how many rows, and how long the oldest has waited. */
    record Backlog(long rows, Duration oldestAge) {}

    /**
     * Deletes the rows of events Kafka acknowledged, in one statement. Called before the engine may store a
     * position past them, so a crash in between replays the events, and a replay deletes nothing twice.
     */
    synchronized void deletePublished(Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        Connection open = connection();
        try (PreparedStatement delete = open.prepareStatement(deletePublished)) {
            Array ids = open.createArrayOf("uuid", eventIds.toArray());
            delete.setArray(1, ids);
            delete.executeUpdate();
        } catch (SQLException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Reads the backlog on a connection of its own, so a slow count never holds the engine's deletes. */
    Backlog backlog() throws SQLException {
        try (Connection probe = database.connect();
                PreparedStatement query = probe.prepareStatement(backlog);
                ResultSet row = query.executeQuery()) {
            row.next();
            return new Backlog(row.getLong(1), Duration.ofMillis(Math.round(row.getDouble(2) * 1000)));
        }
    }

    private Connection connection() throws SQLException {
        Connection open = connection;
        if (open == null || open.isClosed()) {
            open = database.connect();
            connection = open;
        }
        return open;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // the connection is being discarded: nothing is lost with it
            }
        }
    }
}
