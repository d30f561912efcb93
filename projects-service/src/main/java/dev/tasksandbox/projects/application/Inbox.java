package dev.tasksandbox.projects.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The record of integration events that took effect here. Delivery is at least once, so an event may arrive
 * again; the inbox makes its effect happen once.
 */
public interface Inbox {

    /**
     * Runs {@code effect} as the effect of event {@code eventId}, unless that event took effect before: emits
     * true when it ran, false for a redelivered event. Recording the event and the effect are one transaction,
     * so an event takes effect exactly once however often it is delivered, and a failed effect records nothing.
     */
    Mono<Boolean> once(UUID eventId, Mono<Void> effect);
}
