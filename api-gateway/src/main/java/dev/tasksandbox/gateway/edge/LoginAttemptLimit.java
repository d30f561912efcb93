package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate-limits {@code POST /api/users/login} per client address and, for password grants, per username, so
 * that neither one address nor a spread of addresses can guess one user's password quickly. The form is read
 * here (already bounded by {@link RequestBodyLimit}) and handed on unchanged.
 *
 * <p>The client address is the TCP peer: behind a load balancer, configure it to preserve the client address,
 * or every client shares the balancer's bucket.
 */
@Component
@Order(EdgeOrder.LOGIN_LIMIT)
public class LoginAttemptLimit implements WebFilter {

    static final String LOGIN_PATH = "/api/users/login";

    private final LoginAttempts attempts;

    public LoginAttemptLimit(GatewayProperties properties) {
        this.attempts = new LoginAttempts(properties.loginLimits(), System::nanoTime);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST || !LOGIN_PATH.equals(request.getPath().value())) {
            return chain.filter(exchange);
        }
        Duration wait = attempts.fromAddress(clientAddress(request));
        if (!wait.isZero()) {
            return Mono.error(new TooManyLoginAttempts(wait));
        }
        return DataBufferUtils.join(request.getBody())
                .map(LoginAttemptLimit::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    Duration usernameWait = username(body).map(attempts::forUsername).orElse(Duration.ZERO);
                    if (!usernameWait.isZero()) {
                        return Mono.error(new TooManyLoginAttempts(usernameWait));
                    }
                    return chain.filter(exchange.mutate().request(new ReplayedBody(request, body, exchange.getResponse().bufferFactory())).build());
                });
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** The form's {@code username}, as accounts-service compares emails: trimmed, case-insensitive. */
    static Optional<String> username(byte[] form) {
        for (String pair : new String(form, StandardCharsets.US_ASCII).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                try {
                    String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    return Optional.of(value.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty(); // accounts-service answers the malformed form with 422
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with its body, already read here, served again to the route. */
    private static final class ReplayedBody extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final DataBufferFactory buffers;

        ReplayedBody(ServerHttpRequest delegate, byte[] body, DataBufferFactory buffers) {
            super(delegate);
            this.body = body;
            this.buffers = buffers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(buffers.wrap(body)));
        }
    }
}
