package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.web.edge.AccessLog;
import dev.tasksandbox.web.edge.ClientConnection;
import dev.tasksandbox.web.edge.TraceIds;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} before it goes anywhere, keeping the client's when it is well
 * formed, and echoes it on the response: the handle a client quotes when it reports a problem. Each request gets
 * one access line ({@link AccessLog}), as the services log theirs, under its trace id and ending with its
 * request id, so the request id leads to the trace.
 *
 * <p>The trace itself is Micrometer Tracing's: the gateway's server span continues the client's W3C
 * {@code traceparent} or starts the trace, and is the parent of everything the request causes. The answer
 * carries that span's {@code traceparent}, so whoever holds a response can open its trace in Zipkin.
 */
@Component
@Order(EdgeOrder.IDENTITY)
public class RequestIdentity implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String given = request.getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && SAFE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        TraceIds.traceparentOf(exchange)
                .ifPresent(trace -> exchange.getResponse().getHeaders().set(TraceParent.HEADER, trace.value()));

        ServerHttpRequest identified = request.mutate()
                .headers(headers -> headers.set(REQUEST_ID, requestId))
                .build();
        ServerWebExchange watched =
                ClientConnection.watched(exchange.mutate().request(identified).build());
        return AccessLog.logged(watched, "request " + requestId, chain.filter(watched));
    }
}
