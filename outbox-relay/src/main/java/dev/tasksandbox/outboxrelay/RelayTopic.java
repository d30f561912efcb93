package dev.tasksandbox.outboxrelay;

import java.util.Objects;

/**
 * The Kafka topic every outbox event is published to, and the partitions it is created with when it does not
 * exist. It is part of the application's integration contract, so the application declares it as a bean from
 * that contract rather than repeating it in configuration.
 */
public record RelayTopic(String name, int partitions) {

    public RelayTopic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition, not " + partitions);
        }
    }
}
