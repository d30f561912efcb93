package dev.tasksandbox.projects.application;

import java.util.List;
import java.util.Set;
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

    /**
     * The same for several events at once, atomically: {@code effects.get(i)} is the effect of
     * {@code eventIds.get(i)}, made unless that event took effect before. Emits the ids of the events that took
     * effect now. The ids must be distinct.
     */
    Mono<Set<UUID>> onceEach(List<UUID> eventIds, Writes effects);
}
