package dev.tasksandbox.web;

import dev.tasksandbox.kernel.TraceParent;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves each request within the {@link TraceContext} of its {@code traceparent} header; a request without a
 * well-formed one starts a trace of its own.
 */
public final class TraceContextFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceParent trace = TraceParent.parse(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER))
                .orElseGet(TraceParent::newRoot);
        return chain.filter(exchange).contextWrite(TraceContext.of(trace));
    }
}
