package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.kernel.TraceParent;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} before it goes anywhere, keeping
 * the client's when they are well formed, so a request can be followed through the services' logs and the
 * event it causes. The request id is echoed on the response. Each request gets one access-log line with its
 * trace id under {@link TraceParent#LOG_KEY}, as the services log theirs.
 */
@Component
@Order(EdgeOrder.IDENTITY)
public class RequestIdentity implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = TraceParent.HEADER;

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Its own logger, so an operator can silence access lines without silencing the gateway. */
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.tasksandbox.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String given = request.getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && SAFE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        TraceParent trace =
                TraceParent.parse(request.getHeaders().getFirst(TRACEPARENT)).orElseGet(TraceParent::newRoot);
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        logOnCommit(exchange, requestId, trace);
        ServerHttpRequest identified = request.mutate()
                .headers(headers -> {
                    headers.set(REQUEST_ID, requestId);
                    headers.set(TRACEPARENT, trace.value());
                })
                .build();
        return chain.filter(exchange.mutate().request(identified).build());
    }

    /**
     * On commit the status is known, whoever set it: an upstream, an edge rule or the problem handler. A request
     * the client abandons before the answer starts is not logged here; the service it reached logs it.
     */
    private static void logOnCommit(ServerWebExchange exchange, String requestId, TraceParent trace) {
        String path = exchange.getRequest().getPath().value();
        if (path.equals("/health") || path.equals("/actuator") || path.startsWith("/actuator/")) {
            return; // probes and scrapes, every few seconds
        }
        long started = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            try (MDC.MDCCloseable ignored = MDC.putCloseable(TraceParent.LOG_KEY, trace.traceId())) {
                ACCESS.info(
                        "{} {} {} {} ms request {}",
                        exchange.getRequest().getMethod(),
                        path,
                        status == null ? 200 : status.value(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                        requestId);
            }
            return Mono.empty();
        });
    }
}
