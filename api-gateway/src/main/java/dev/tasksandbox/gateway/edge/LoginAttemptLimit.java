package dev.tasksandbox.gateway.edge;

import dev.tasksandbox.gateway.GatewayProperties;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.InvalidValueException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate-limits {@code POST /api/users/login} per client address and, for password grants, per username, so
 * that neither one address nor a spread of addresses can guess one user's password quickly. The form is read
 * here (already bounded by {@link RequestBodyLimit}) and handed on unchanged.
 *
 * <p>The client address is {@link ClientAddress}'s. A form whose {@code Content-Type} cannot be read (an unknown
 * charset, say) is counted by address only and handed on unread: accounts-service refuses it with 415 without
 * looking at the password, so it guesses nothing.
 */
@Component
@Order(EdgeOrder.LOGIN_LIMIT)
public class LoginAttemptLimit implements WebFilter {

    /** Matched as the services match it, on the decoded path, so {@code /api/users/%6Cogin} is counted too. */
    private static final PathPattern LOGIN_PATH = PathPatternParser.defaultInstance.parse("/api/users/login");

    private final LoginAttempts attempts;

    public LoginAttemptLimit(GatewayProperties properties, BucketStore store) {
        this.attempts = new LoginAttempts(properties.loginLimits(), store);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!HttpMethod.POST.equals(request.getMethod())
                || !LOGIN_PATH.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return attempts.fromAddress(ClientAddress.of(request)).flatMap(wait -> {
            if (!wait.isZero()) {
                return Mono.error(tooMany(wait));
            }
            Optional<Charset> charset = charsetOf(request);
            if (charset.isEmpty()) {
                return chain.filter(exchange);
            }
            return DataBufferUtils.join(request.getBody())
                    .map(LoginAttemptLimit::bytesOf)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> username(body, charset.get())
                            .map(attempts::forUsername)
                            .orElse(Mono.just(Duration.ZERO))
                            .flatMap(usernameWait -> usernameWait.isZero()
                                    ? chain.filter(exchange.mutate()
                                            .request(new ReplayedBody(
                                                    request,
                                                    body,
                                                    exchange.getResponse().bufferFactory()))
                                            .build())
                                    : Mono.error(tooMany(usernameWait))));
        });
    }

    private static TooManyRequests tooMany(Duration wait) {
        return new TooManyRequests("Too many login attempts; try again later", wait);
    }

    /** The form's charset (UTF-8 when none is named), or none when the header cannot be parsed or names no known one. */
    private static Optional<Charset> charsetOf(ServerHttpRequest request) {
        try {
            MediaType type = request.getHeaders().getContentType();
            Charset named = type == null ? null : type.getCharset();
            return Optional.of(named == null ? StandardCharsets.UTF_8 : named);
        } catch (IllegalArgumentException unreadable) { // InvalidMediaTypeException, an unknown or illegal charset
            return Optional.empty();
        }
    }

    /**
     * The form's first {@code username}, read as accounts-service reads it (names and values decoded, in the
     * request's charset) and keyed as it compares emails ({@link EmailAddress#canonical()}), so that no spelling
     * of one address escapes its bucket.
     */
    static Optional<String> username(byte[] form, Charset charset) {
        for (String pair : new String(form, charset).split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), charset);
            if ("username".equals(name)) {
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1), charset);
                if (value == null || value.isBlank()) {
                    return Optional.empty(); // accounts-service answers a missing or malformed username with 422
                }
                try {
                    return Optional.of(new EmailAddress(value).canonical());
                } catch (InvalidValueException notAnEmail) {
                    return Optional.of(value.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable String decoded(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
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
