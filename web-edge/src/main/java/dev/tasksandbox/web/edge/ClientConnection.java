package dev.tasksandbox.web.edge;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Whether the client of a request is still there to read an answer. One that hung up, mid-body or before the
 * answer, is not an error: there is nobody to answer, nothing to log above debug, and no 5xx to count.
 *
 * <p>Told by what happened to the client's own connection, never by an exception's message: at the gateway, a
 * "connection reset" may as well come from the service behind it, whose client is still waiting for a 502.
 */
public final class ClientConnection {

    private static final String WENT_AWAY = ClientConnection.class.getName() + ".WENT_AWAY";
    static final int CLIENT_CLOSED_REQUEST = 499;

    private ClientConnection() {}

    /**
     * The exchange, with a request whose body remembers a failure to read it: only the client's connection can
     * fail that read. Every edge filter chain wraps its requests so, first.
     */
    public static ServerWebExchange watched(ServerWebExchange exchange) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody()
                        .doOnError(failure -> exchange.getAttributes().put(WENT_AWAY, failure));
            }
        };
        return exchange.mutate().request(request).build();
    }

    /**
     * The answer to a client that hung up: nothing is written, and the exchange is marked 499 (nginx's "client
     * closed request") so that the access line and the HTTP meters say what happened instead of a default 200.
     */
    public static Mono<Void> answerNobody(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(CLIENT_CLOSED_REQUEST));
        return Mono.empty();
    }

    /** The client hung up: reading its request failed, or its connection is closed. */
    public static boolean wentAway(ServerWebExchange exchange) {
        if (exchange.getAttributes().containsKey(WENT_AWAY)) {
            return true;
        }
        return nettyConnection(exchange.getRequest()) instanceof Connection connection
                && !connection.channel().isActive();
    }

    /**
     * The port of this server the client's connection reached, read from the socket itself, or -1 for a request
     * that came over no connection. Not {@code getLocalAddress()} of the request, which forwarded headers
     * ({@code X-Forwarded-Port}, {@code Forwarded: host=}) may rewrite: a client must not choose the port it
     * seems to have reached.
     */
    public static int serverPort(ServerWebExchange exchange) {
        return nettyConnection(exchange.getRequest()) instanceof Connection connection
                        && connection.channel().localAddress() instanceof InetSocketAddress local
                ? local.getPort()
                : -1;
    }

    /**
     * The event loop of the client's connection: the thread on which Netty handles everything that happens to it,
     * its hanging up included. Null for a request that came over no connection, or over one Netty has already
     * let go of.
     */
    public static @Nullable EventLoop eventLoop(ServerWebExchange exchange) {
        if (!(nettyConnection(exchange.getRequest()) instanceof Connection connection)) {
            return null;
        }
        try {
            return connection.channel().eventLoop();
        } catch (IllegalStateException deregistered) {
            return null; // closed and deregistered already: there is nobody to answer
        }
    }

    private static @Nullable Object nettyConnection(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException | IllegalArgumentException noServer) {
            return null; // a request a test made up, which came over no connection
        }
    }
}
