package dev.tasksandbox.outboxrelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The relay's replication slot and the position the relay stored, as PostgreSQL holds them, inspected before
 * every start of the engine. The WAL is only the fast path: whenever the slot cannot be trusted to hold every
 * change since the stored position, the relay starts over from the outbox table, which still holds every row
 * Kafka has not acknowledged.
 */
final class ReplicationSlot {

    /** Debezium's stored offset is JSON; these members hold WAL positions (as numbers) that it has reached. */
    private static final Pattern STORED_POSITION = Pattern.compile("\"(?:lsn|lsn_proc|lsn_commit)\":(\\d+)");

    /** How the engine must start. */
    enum Start {
        /** Stream from the stored position: the slot holds everything since. */
        RESUME,
        /** Nothing was ever streamed here: create the slot and publish whatever the table holds. */
        CREATE,
        /** The slot is gone or unusable, so changes may be missing from it: recreate it and republish the table. */
        RECREATE
    }

    /** What was found, and why it leads to that start. */
    record Inspection(Start start, String reason) {}

    private record SlotRow(boolean active, @Nullable String walStatus, long confirmedFlush) {}

    private final RelayProperties properties;

    ReplicationSlot(RelayProperties properties) {
        this.properties = properties;
    }

    Inspection inspect() throws SQLException {
        try (Connection connection = properties.database().connect()) {
            SlotRow slot = slot(connection);
            OptionalLong stored = storedPosition(connection);
            if (slot == null) {
                return stored.isEmpty()
                        ? new Inspection(Start.CREATE, "there is no replication slot yet")
                        : new Inspection(Start.RECREATE, "the replication slot is missing");
            }
            if (slot.active()) {
                // Another instance reads it: this one waits as a standby and changes nothing.
                return new Inspection(Start.RESUME, "another instance holds the slot");
            }
            if ("lost".equals(slot.walStatus())) {
                return new Inspection(
                        Start.RECREATE, "the slot was invalidated (wal_status lost, see max_slot_wal_keep_size)");
            }
            if (stored.isEmpty()) {
                return new Inspection(Start.RECREATE, "the slot exists but no position was stored");
            }
            if (slot.confirmedFlush() > stored.getAsLong()) {
                return new Inspection(Start.RECREATE, "the slot is past the stored position");
            }
            return new Inspection(Start.RESUME, "the slot holds everything since the stored position");
        }
    }

    /**
     * Drops the slot (unless another instance has taken it meanwhile) and forgets the stored position, so that
     * the engine creates a new slot and snapshots the outbox table before it streams again.
     */
    void reset() throws SQLException {
        try (Connection connection = properties.database().connect()) {
            try (PreparedStatement drop = connection.prepareStatement("""
                    SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
                    WHERE slot_name = ? AND NOT active""")) {
                drop.setString(1, properties.slotName());
                drop.executeQuery().close();
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + properties.offsetTable())) {
                forget.executeUpdate();
            }
        }
    }

    /** Whether a replication connection reads the slot now: this instance's engine, or another's. */
    boolean isRead() throws SQLException {
        try (Connection connection = properties.database().connect()) {
            SlotRow slot = slot(connection);
            return slot != null && slot.active();
        }
    }

    /** Bytes of WAL written since the slot's confirmed position: what it makes PostgreSQL keep. Empty: no slot. */
    OptionalLong lagBytes() throws SQLException {
        try (Connection connection = properties.database().connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)
                        FROM pg_replication_slots WHERE slot_name = ? AND confirmed_flush_lsn IS NOT NULL""")) {
            query.setString(1, properties.slotName());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private @Nullable SlotRow slot(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT active, wal_status, coalesce(pg_wal_lsn_diff(confirmed_flush_lsn, '0/0'), 0)
                FROM pg_replication_slots WHERE slot_name = ?""")) {
            query.setString(1, properties.slotName());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new SlotRow(row.getBoolean(1), row.getString(2), row.getLong(3)) : null;
            }
        }
    }

    /** The furthest WAL position in the stored offsets, if any were stored. */
    private OptionalLong storedPosition(Connection connection) throws SQLException {
        long furthest = -1;
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT offset_val FROM " + properties.offsetTable());
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String value = rows.getString(1);
                Matcher position = STORED_POSITION.matcher(value == null ? "" : value);
                while (position.find()) {
                    furthest = Math.max(furthest, Long.parseLong(position.group(1)));
                }
            }
        }
        return furthest < 0 ? OptionalLong.empty() : OptionalLong.of(furthest);
    }
}
