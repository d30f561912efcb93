package dev.tasksandbox.projects.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The record of integration events that took effect here. Delivery is at least once, so an event may arrive
 * again; the inbox makes its effect happen once.
 */
public interface Inbox {

    /**
     * Makes {@code effect} the effect of event {@code eventId}, unless that event took effect before: emits true
     * when it did, false for a redelivered event. The event is recorded atomically with its effect, so an event
     * takes effect exactly once however often it is delivered, and a failed effect records nothing.
     */
    Mono<Boolean> once(UUID eventId, Write effect);
}
