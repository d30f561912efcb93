package dev.tasksandbox.web;

import dev.tasksandbox.kernel.TraceParent;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The W3C {@code traceparent} of the work in progress, kept in the Reactor context (a request hops between
 * threads, so a thread-local would lose it). {@link TraceContextFilter} puts a request's there; whatever records
 * an event reads it with {@link #current()}.
 */
public final class TraceContext {

    private TraceContext() {}

    /** The context for work done on behalf of {@code trace}. */
    public static Context of(TraceParent trace) {
        return Context.of(TraceParent.class, trace);
    }

    /** The traceparent of the work in progress; outside of any, a new trace. */
    public static Mono<TraceParent> current() {
        return Mono.deferContextual(context ->
                Mono.just(context.<TraceParent>getOrEmpty(TraceParent.class).orElseGet(TraceParent::newRoot)));
    }
}
