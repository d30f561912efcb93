package dev.tasksandbox.web;

import dev.tasksandbox.web.edge.AccessLog;
import dev.tasksandbox.web.edge.ClientConnection;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes each request's access line ({@link AccessLog}) under its trace id, the one the gateway and the event
 * consumer log too, so one search finds a registration everywhere it went. It runs before security, so refused
 * requests are logged as well, and it watches the connection, so a client that hung up is logged as such.
 */
public final class AccessLogFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange received, WebFilterChain chain) {
        ServerWebExchange exchange = ClientConnection.watched(received);
        return AccessLog.logged(exchange, "", chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
