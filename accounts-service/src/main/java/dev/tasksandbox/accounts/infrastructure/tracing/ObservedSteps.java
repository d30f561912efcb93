package dev.tasksandbox.accounts.infrastructure.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A step of a request observed on its own: a span in the request's trace, the child of the observation the
 * subscriber's Reactor context carries (the request's server span), and a timer of the step's name. For the
 * steps an engineer looking at a slow request needs to see apart: a bcrypt hash, which may queue for a core,
 * and the outbox write, whose span the relay's publish continues.
 */
@Component
public class ObservedSteps {

    private final ObservationRegistry registry;

    ObservedSteps(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code step}, observed as {@code name} (the timer's name and, as {@code contextualName}, the span's); what
     * it does inside runs with the step as its parent, so its database statements are the step's children.
     */
    public <T> Mono<T> observed(
            String name, String contextualName, KeyValues tags, Function<Observation, Mono<T>> step) {
        return Mono.deferContextual(context -> {
            Observation observation = Observation.createNotStarted(name, registry)
                    .contextualName(contextualName)
                    .lowCardinalityKeyValues(tags)
                    .parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
                    .start();
            return step.apply(observation)
                    .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, observation))
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop());
        });
    }
}
