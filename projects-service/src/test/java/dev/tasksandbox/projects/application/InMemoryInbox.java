package dev.tasksandbox.projects.application;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
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

    /** One at a time, which the real inbox does in one statement; the outcome is the same. */
    @Override
    public Mono<Set<UUID>> onceEach(List<UUID> eventIds, Writes effects) {
        return Flux.range(0, eventIds.size())
                .concatMap(i -> once(eventIds.get(i), effects.get(i))
                        .filter(tookEffect -> tookEffect)
                        .map(tookEffect -> eventIds.get(i)))
                .collect(Collectors.toSet());
    }
}
