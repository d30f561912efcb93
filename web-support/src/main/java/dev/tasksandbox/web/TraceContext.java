package dev.tasksandbox.web;

import dev.tasksandbox.kernel.TraceParent;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Carries the W3C {@code traceparent} of the request being served down its reactive chain (in the Reactor
 * context, since a request hops between threads), to where an event it causes is recorded. A request without a
 * well-formed one starts a trace of its own.
 */
public final class TraceContext implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceParent trace = TraceParent.parse(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER))
                .orElseGet(TraceParent::newRoot);
        return chain.filter(exchange).contextWrite(Context.of(TraceParent.class, trace));
    }

    /** The traceparent of the request being served; outside of a request, a new trace. */
    public static Mono<TraceParent> current() {
        return Mono.deferContextual(context -> Mono.just(
                context.<TraceParent>getOrEmpty(TraceParent.class).orElseGet(TraceParent::newRoot)));
    }
}
