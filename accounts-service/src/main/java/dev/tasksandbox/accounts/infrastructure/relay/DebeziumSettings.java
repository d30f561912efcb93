package dev.tasksandbox.accounts.infrastructure.relay;

import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.kernel.UserAccountCreated;
import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore;
import io.debezium.transforms.outbox.EventRouter;
import java.util.Properties;

/** Translates {@link RelayProperties} into the Debezium engine's configuration. Each choice says why. */
final class DebeziumSettings {

    static final String TOPIC_PREFIX = "accounts";

    private DebeziumSettings() {}

    static Properties of(RelayProperties relay) {
        RelayProperties.Database db = relay.database();
        Properties p = new Properties();
        p.setProperty("name", "accounts-outbox-relay");
        p.setProperty("connector.class", PostgresConnector.class.getName());
        p.setProperty("topic.prefix", TOPIC_PREFIX);

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
        p.setProperty("table.include.list", "public.outbox");
        // Rows are deleted as soon as they are written: there is never anything to snapshot.
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));

        // A logical message written into this database's WAL lets the slot's position advance while no user
        // registers; otherwise the slot would hold back WAL produced by the rest of the server.
        p.setProperty(
                "heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        p.setProperty(
                "heartbeat.action.query",
                "SELECT pg_logical_emit_message(false, 'accounts-relay-heartbeat', now()::varchar)");

        // Offsets live in the accounts database, so whichever instance holds the slot resumes where the last stopped.
        p.setProperty("offset.storage", JdbcOffsetBackingStore.class.getName());
        p.setProperty("offset.storage.jdbc.connection.url", db.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", db.user());
        p.setProperty("offset.storage.jdbc.connection.password", db.password());
        p.setProperty("offset.storage.jdbc.table.name", "relay_offsets");
        p.setProperty(
                "offset.flush.interval.ms",
                Long.toString(relay.offsetFlushInterval().toMillis()));

        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", EventRouter.class.getName());
        p.setProperty("transforms.outbox.route.topic.replacement", UserAccountCreated.TOPIC);
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty(
                "transforms.outbox.table.fields.additional.placement",
                "type:header:type,traceparent:header:" + TraceParent.HEADER);
        p.setProperty("transforms.outbox.table.expand.json.payload", "false");
        // Without this, four __debezium.context.* headers would be added to every event.
        p.setProperty("extended.headers.enabled", "false");
        return p;
    }
}
