package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.web.edge.AccessLog;
import dev.tasksandbox.web.edge.ClientConnection;
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
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} before it goes anywhere, keeping
 * the client's when they are well formed, so a request can be followed through the services' logs and the
 * event it causes. The request id is echoed on the response. Each request gets one access line
 * ({@link AccessLog}), as the services log theirs, ending with its request id.
 */
@Component
@Order(EdgeOrder.IDENTITY)
public class RequestIdentity implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = TraceParent.HEADER;

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

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

        ServerHttpRequest identified = request.mutate()
                .headers(headers -> {
                    headers.set(REQUEST_ID, requestId);
                    headers.set(TRACEPARENT, trace.value());
                })
                .build();
        ServerWebExchange watched =
                ClientConnection.watched(exchange.mutate().request(identified).build());
        return AccessLog.logged(watched, trace, "request " + requestId, chain.filter(watched));
    }
}
