package dev.tasksandbox.kernel;

import java.time.Instant;
import java.util.UUID;

/** Something that happened in the domain. The id makes redelivery detectable downstream. */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();
}
