package dev.tasksandbox.projects.application;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The inbox as a set of event ids; like the real one, a failed effect records nothing. */
final class InMemoryInbox implements Inbox {

    final Set<UUID> processed = new HashSet<>();

    @Override
    public Mono<Boolean> once(UUID eventId, Write effect) {
        return Mono.defer(() -> processed.contains(eventId)
                ? Mono.just(false)
                : effect.apply().then(Mono.fromCallable(() -> processed.add(eventId))));
    }
}
