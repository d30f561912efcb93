package dev.tasksandbox.outboxrelay;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance stands by: another instance reads the replication slot, so this one starts no engine. An
 * engine started meanwhile would only wait for the slot inside Debezium, and it could fail at its start on the
 * other instance's progress: the stored position it read, and the slot with it, moved on before it compared them
 * ("no longer available on the server", logged by Debezium as an ERROR with a stack). Used by the engine thread
 * only; it says once per standby that it stands by, not at every look.
 */
final class Standby {

    private static final Logger log = LoggerFactory.getLogger(Standby.class);

    private final ReplicationSlot slot;
    private final String slotName;
    private boolean standingBy;

    Standby(ReplicationSlot slot, String slotName) {
        this.slot = slot;
        this.slotName = slotName;
    }

    /** Whether another instance reads the slot now. */
    boolean slotReadElsewhere() throws SQLException {
        if (!slot.isRead()) {
            standingBy = false;
            return false;
        }
        if (!standingBy) {
            standingBy = true;
            log.info("Another instance reads replication slot {}: standing by", slotName);
        }
        return true;
    }
}
