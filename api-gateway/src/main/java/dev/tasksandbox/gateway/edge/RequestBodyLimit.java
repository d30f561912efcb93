package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the configured size with 413: at once when {@code Content-Length} says so, before
 * a service sees anything; a chunked body, which is streamed on as it arrives, is cut off when it grows past the
 * limit, so the service gets an incomplete request and the client the 413.
 */
@Component
@Order(EdgeOrder.BODY_LIMIT)
public class RequestBodyLimit implements WebFilter {

    private final long maxBytes;

    public RequestBodyLimit(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new RequestBodyTooLarge(maxBytes));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(
                exchange.mutate().request(new Counted(request, maxBytes)).build());
    }

    /** A body of unknown length, counted as it streams through. */
    private static final class Counted extends ServerHttpRequestDecorator {

        private final long maxBytes;

        Counted(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestBodyTooLarge(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
