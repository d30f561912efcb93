package dev.tasksandbox.web;

import dev.tasksandbox.web.edge.ClientConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request whose client hangs up is cancelled wherever it is, and no Netty buffer is left behind by the cancel.
 * Two places drop one. r2dbc-postgresql encodes a statement's parameters into buffers ahead of the statement and,
 * cancelled in between, drops them without releasing them (pgjdbc/r2dbc-postgresql#580: 300 aborted requests
 * leaked several); Reactor hands such dropped elements to the discard hook of the subscriber's context, which this
 * sets for everything the request runs. And an answer encoded on another thread can be lost by Spring's write as
 * the hang-up cancels it, which {@link AnswerOnItsEventLoop} prevents by handing it over on the connection's thread.
 */
final class AbandonedRequests implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        EventLoop connection = ClientConnection.eventLoop(exchange);
        ServerWebExchange answeredOnItsEventLoop = connection == null
                ? exchange
                : exchange.mutate()
                        .response(new AnswerOnItsEventLoop(exchange.getResponse(), connection))
                        .build();
        return chain.filter(answeredOnItsEventLoop).doOnDiscard(ByteBuf.class, AbandonedRequests::release);
    }

    /**
     * Only raw buffers, the parameters' kind: a driver's messages (a row, say) release themselves, and releasing
     * them here as well would release them twice. A buffer someone already released is left alone.
     */
    private static void release(ByteBuf dropped) {
        if (dropped.refCnt() > 0) {
            dropped.release();
        }
    }

    /** Right inside the trace context, so that everything after it, security included, is covered. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
