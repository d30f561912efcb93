package dev.tasksandbox.outboxrelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outbox table as the relay sees it, over JDBC on the relay's own threads: rows leave it once Kafka has
 * acknowledged their events, and what is left is the backlog. One connection, opened when first needed and
 * again after a failure, serves the deletes of the engine thread.
 *
 * <p>A delete can miss a row whose event was just published: PostgreSQL writes and flushes a transaction's commit
 * record, which logical decoding may stream at once, a moment before the transaction becomes visible to other
 * sessions. A delete in that moment finds nothing, and the row would stay for good (the fault suite found one
 * such row on a loaded machine: its event delivered, the outbox never empty). So the ids a delete did not find
 * are kept and deleted again with every later delete, heartbeat batches included, for {@link #RETRY_WINDOW};
 * after that they are forgotten: an id still not found by then belonged to a row that was already gone (events
 * replayed after a crash), not to a commit that is not yet visible.
 */
final class OutboxTable implements AutoCloseable {

    /** Far longer than the moment between a commit record and the commit's visibility. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(1);

    private final RelayProperties.Database database;
    private final String deletePublished;
    private final String backlog;
    private final Clock clock;
    /** Published events whose rows a delete did not find yet, with when they were first missed. */
    private final Map<UUID, Instant> notYetFound = new LinkedHashMap<>();

    private @Nullable Connection connection;

    OutboxTable(RelayProperties properties) {
        this(properties, Clock.systemUTC());
    }

    OutboxTable(RelayProperties properties, Clock clock) {
        this.database = properties.database();
        this.clock = clock;
        this.deletePublished = "DELETE FROM " + properties.table() + " WHERE id = ANY (?) RETURNING id";
        this.backlog =
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM " + properties.table();
    }

    /** What is still to be published: how many rows, and how long the oldest has waited. */
    record Backlog(long rows, Duration oldestAge) {}

    /**
     * Deletes the rows of events Kafka acknowledged, and those that earlier deletes did not find yet, in one
     * statement. Called before the engine may store a position past them, so a crash in between replays the
     * events, and a replay deletes nothing twice.
     */
    synchronized void deletePublished(Collection<UUID> eventIds) throws SQLException {
        Instant now = clock.instant();
        notYetFound.values().removeIf(firstMissed -> firstMissed.isBefore(now.minus(RETRY_WINDOW)));
        if (eventIds.isEmpty() && notYetFound.isEmpty()) {
            return;
        }
        Set<UUID> wanted = new LinkedHashSet<>(notYetFound.keySet());
        wanted.addAll(eventIds);
        Set<UUID> deleted = new HashSet<>();
        Connection open = connection();
        try (PreparedStatement delete = open.prepareStatement(deletePublished)) {
            delete.setArray(1, open.createArrayOf("uuid", wanted.toArray()));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    deleted.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            closeQuietly();
            throw e;
        }
        for (UUID id : wanted) {
            if (deleted.contains(id)) {
                notYetFound.remove(id);
            } else {
                notYetFound.putIfAbsent(id, now);
            }
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
