package dev.tasksandbox.web;

import dev.tasksandbox.kernel.TraceParent;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves each request within the {@link TraceContext} of its {@code traceparent} header (a request without a
 * well-formed one starts a trace of its own), and writes one access-log line per request with the trace id
 * under {@link TraceParent#LOG_KEY}: the id the gateway and the event consumer log too, so one search finds a
 * registration everywhere it went. It runs before security, so refused requests are logged as well. A request
 * the client abandons before the answer starts is not logged.
 */
public final class TraceContextFilter implements WebFilter, Ordered {

    /** Its own logger, so an operator can silence access lines without silencing the service. */
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.tasksandbox.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        TraceParent trace = TraceParent.parse(request.getHeaders().getFirst(TraceParent.HEADER))
                .orElseGet(TraceParent::newRoot);
        exchange.getAttributes().put(TraceParent.class.getName(), trace);
        String path = request.getPath().value();
        if (!isProbe(path)) {
            long started = System.nanoTime();
            // On commit the status is known, whoever set it: the handler, security or an exception handler.
            exchange.getResponse().beforeCommit(() -> {
                try (MDC.MDCCloseable ignored = MDC.putCloseable(TraceParent.LOG_KEY, trace.traceId())) {
                    ACCESS.info(
                            "{} {} {} {} ms",
                            request.getMethod(),
                            path,
                            statusOf(exchange),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange).contextWrite(TraceContext.of(trace));
    }

    /** The trace of the request being served, for what logs outside the Reactor context: the problem handler. */
    static Optional<TraceParent> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(TraceParent.class.getName()));
    }

    /** Health checks and scrapes come every few seconds and would drown the requests. */
    private static boolean isProbe(String path) {
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    /** What the client receives: a response whose status nobody set is a 200. */
    private static int statusOf(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? 200 : status.value();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
