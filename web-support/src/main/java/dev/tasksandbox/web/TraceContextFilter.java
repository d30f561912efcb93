package dev.tasksandbox.web;

import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.web.edge.AccessLog;
import dev.tasksandbox.web.edge.ClientConnection;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves each request within the {@link TraceContext} of its {@code traceparent} header (a request without a
 * well-formed one starts a trace of its own), and writes its access line ({@link AccessLog}) under the trace id:
 * the id the gateway and the event consumer log too, so one search finds a registration everywhere it went. It
 * runs before security, so refused requests are logged as well.
 */
public final class TraceContextFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange received, WebFilterChain chain) {
        ServerWebExchange exchange = ClientConnection.watched(received);
        TraceParent trace = TraceParent.parse(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER))
                .orElseGet(TraceParent::newRoot);
        exchange.getAttributes().put(TraceParent.class.getName(), trace);
        return AccessLog.logged(exchange, trace, "", chain.filter(exchange)).contextWrite(TraceContext.of(trace));
    }

    /** The trace of the request being served, for what logs outside the Reactor context: the problem handler. */
    static Optional<TraceParent> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(TraceParent.class.getName()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
