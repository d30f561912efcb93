/**
 * The outbox relay as a component of its own: rows of an outbox table, read from PostgreSQL's write-ahead log by
 * an embedded Debezium engine, published to one Kafka topic, and deleted once Kafka acknowledged them. It knows
 * nothing of the application that writes the rows: {@link dev.tasksandbox.outboxrelay.RelayProperties} and a
 * {@link dev.tasksandbox.outboxrelay.RelayTopic} configure it.
 *
 * <p>The classes split the work: {@link dev.tasksandbox.outboxrelay.OutboxRelay} supervises the engine,
 * {@code ReplicationSlot} decides how it starts, {@code KafkaPublisher} publishes, {@code TopicAdministration}
 * creates the topic, {@code RelayMeters} and {@code RelayHealth} report.
 */
@NullMarked
package dev.tasksandbox.outboxrelay;

import org.jspecify.annotations.NullMarked;
