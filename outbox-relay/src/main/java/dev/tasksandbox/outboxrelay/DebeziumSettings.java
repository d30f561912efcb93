package dev.tasksandbox.outboxrelay;

import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore;
import io.debezium.transforms.outbox.EventRouter;
import java.util.Properties;

/** Translates {@link RelayProperties} into the Debezium engine's configuration. Each choice says why. */
final class DebeziumSettings {

    /** The W3C header the trace context travels in; the outbox's column of the same name fills it. */
    static final String TRACEPARENT = "traceparent";

    private DebeziumSettings() {}

    /**
     * The engine's settings; {@code snapshotTable} when the slot is new, so that the rows already in the outbox
     * (all of them unpublished) are read from the table before streaming starts.
     */
    static Properties of(RelayProperties relay, RelayTopic topic, boolean snapshotTable) {
        RelayProperties.Database db = relay.database();
        Properties p = new Properties();
        p.setProperty("name", relay.name());
        p.setProperty("connector.class", PostgresConnector.class.getName());
        // Only names the engine's internal topics: the EventRouter sends every outbox event to the one topic.
        p.setProperty("topic.prefix", relay.name());

        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", Integer.toString(db.port()));
        p.setProperty("database.dbname", db.name());
        p.setProperty("database.user", db.user());
        p.setProperty("database.password", db.password());

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", relay.slotName());
        p.setProperty("publication.name", relay.publication());
        // While another instance holds the slot, keep asking for it, cheaply, for as long as this one lives.
        p.setProperty("slot.max.retries", Integer.toString(Integer.MAX_VALUE));
        p.setProperty(
                "slot.retry.delay.ms", Long.toString(relay.restartBackoff().toMillis()));
        // The migration creates the publication (inserts only); the relay must not widen it.
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public." + relay.table());
        // Only the backlog's meter reads created_at, with SQL: converting it for every event cost CPU for nothing.
        p.setProperty("column.exclude.list", "public." + relay.table() + ".created_at");
        // A resumed engine streams from its stored position. A new slot holds nothing written before it, so the
        // engine first reads the outbox table: Debezium creates the slot with an exported snapshot and reads
        // the table in that snapshot, so every row is either read from the table or streamed, never neither.
        p.setProperty("snapshot.mode", snapshotTable ? "initial" : "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));

        // A logical message written into this database's WAL lets the slot's position advance while no user
        // registers; otherwise the slot would hold back WAL produced by the rest of the server.
        p.setProperty(
                "heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        p.setProperty(
                "heartbeat.action.query",
                "SELECT pg_logical_emit_message(false, '" + relay.name() + "-heartbeat', now()::varchar)");

        // Offsets live in the outbox's database, so whichever instance holds the slot resumes where the last stopped.
        p.setProperty("offset.storage", JdbcOffsetBackingStore.class.getName());
        p.setProperty("offset.storage.jdbc.connection.url", db.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", db.user());
        p.setProperty("offset.storage.jdbc.connection.password", db.password());
        p.setProperty("offset.storage.jdbc.table.name", relay.offsetTable());
        p.setProperty(
                "offset.flush.interval.ms",
                Long.toString(relay.offsetFlushInterval().toMillis()));

        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", EventRouter.class.getName());
        p.setProperty("transforms.outbox.route.topic.replacement", topic.name());
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty(
                "transforms.outbox.table.fields.additional.placement",
                "type:header:type," + TRACEPARENT + ":header:" + TRACEPARENT);
        p.setProperty("transforms.outbox.table.expand.json.payload", "false");
        // Without this, four __debezium.context.* headers would be added to every event.
        p.setProperty("extended.headers.enabled", "false");
        return p;
    }
}
