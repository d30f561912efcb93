package dev.tasksandbox.outboxrelay;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relay does with its replication slot before it streams: resumes a slot it can trust, and otherwise
 * drops it and forgets the stored position, so that the engine first reads the outbox table, where every event
 * Kafka has not acknowledged still is. A slot that was lost, rather than never made, is counted as a recovery.
 */
final class SlotRecovery {

    private static final Logger log = LoggerFactory.getLogger(SlotRecovery.class);

    private final ReplicationSlot slot;
    private final OutboxTable outbox;
    private final RelayMeters meters;
    private final String slotName;

    SlotRecovery(ReplicationSlot slot, OutboxTable outbox, RelayMeters meters, String slotName) {
        this.slot = slot;
        this.outbox = outbox;
        this.meters = meters;
        this.slotName = slotName;
    }

    /** Whether the engine must read the outbox table before it streams; drops a slot it cannot trust. */
    boolean mustReadTheTable() throws SQLException {
        ReplicationSlot.Inspection inspection = slot.inspect();
        switch (inspection.start()) {
            case RESUME -> {
                return false;
            }
            case CREATE -> log.info("Creating replication slot {}: {}", slotName, inspection.reason());
            case RECREATE -> {
                meters.slotRecovered();
                log.warn(
                        "Replication slot {} cannot be trusted: {}. Recreating it and republishing the {} rows"
                                + " still in the outbox; consumers ignore the ones they already have",
                        slotName,
                        inspection.reason(),
                        outbox.backlog().rows());
            }
        }
        slot.reset();
        return true;
    }
}
