package dev.tasksandbox.projects.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Remembers which integration events took effect, so a redelivered one is recognised. */
public interface ProcessedEvents {

    /** Records the event; emits true the first time, false when it was recorded before. */
    Mono<Boolean> recordFirstDelivery(UUID eventId);
}
