package dev.tasksandbox.web;

import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;

/**
 * A response whose encoded answer is handed to Netty on its connection's own event loop, the thread that also
 * learns of the client's hanging up, so that the two never interleave.
 *
 * <p>An answer is often ready on another thread: a bcrypt or signing worker, the database driver's event loop.
 * Spring's single-buffer write path marks its buffer as taken when it subscribes to it, before asking for it; a
 * hang-up cancelling the write in between drops the buffer with nobody left to release it (spring-framework#36438:
 * 1 leak in about 2,000 logins aborted through the gateway here). Handed over on the event loop, the write runs to
 * Netty in one go or, cancelled first, never starts, and the buffer waiting for the loop is released.
 */
final class AnswerOnItsEventLoop extends ServerHttpResponseDecorator {

    private final EventLoop eventLoop;

    AnswerOnItsEventLoop(ServerHttpResponse response, EventLoop eventLoop) {
        super(response);
        this.eventLoop = eventLoop;
    }

    /** Only the single-buffer path races (a stream goes through Spring's write barrier, which releases its own). */
    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!(body instanceof Mono<? extends DataBuffer> answer) || eventLoop.inEventLoop()) {
            return super.writeWith(body);
        }
        return super.writeWith(answer.flatMap(this::onTheEventLoop));
    }

    /**
     * The buffer, emitted on the event loop. Cancelled before the loop got to it, the sink discards it instead, and
     * the discard releases it; a loop that is shutting down refuses it, and it is released at once.
     */
    private Mono<DataBuffer> onTheEventLoop(DataBuffer buffer) {
        return Mono.<DataBuffer>create(sink -> {
                    try {
                        eventLoop.execute(() -> sink.success(buffer));
                    } catch (RejectedExecutionException shuttingDown) {
                        DataBufferUtils.release(buffer);
                        sink.error(shuttingDown);
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }
}
