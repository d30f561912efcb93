package dev.tasksandbox.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
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
 * event it causes. The request id is echoed on the response.
 */
@Component
@Order(EdgeOrder.IDENTITY)
public class RequestIdentity implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    // version 00, a non-zero trace id and parent id, flags (https://www.w3.org/TR/trace-context/#traceparent-header)
    private static final Pattern VALID_TRACEPARENT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = keepOrCreate(request.getHeaders().getFirst(REQUEST_ID), SAFE_REQUEST_ID,
                () -> UUID.randomUUID().toString());
        String traceparent = keepOrCreate(request.getHeaders().getFirst(TRACEPARENT), VALID_TRACEPARENT,
                RequestIdentity::newTraceparent);
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        ServerHttpRequest identified = request.mutate()
                .headers(headers -> {
                    headers.set(REQUEST_ID, requestId);
                    headers.set(TRACEPARENT, traceparent);
                })
                .build();
        return chain.filter(exchange.mutate().request(identified).build());
    }

    private static String keepOrCreate(String given, Pattern valid, java.util.function.Supplier<String> create) {
        return given != null && valid.matcher(given).matches() ? given : create.get();
    }

    /** A new trace, sampled: this request is its root. */
    static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
