package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class AnswerOnItsEventLoopTest {

    private final EventLoop connectionsThread = new DefaultEventLoop();
    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    private final Connection connection = new Connection(buffers);
    private final AnswerOnItsEventLoop response = new AnswerOnItsEventLoop(connection, connectionsThread);

    @AfterEach
    void stopTheEventLoop() {
        connectionsThread.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void an_answer_ready_on_another_thread_is_written_on_its_connections_event_loop() {
        response.writeWith(Mono.just(answer())).block();

        assertThat(connection.writtenOn.get())
                .isNotNull()
                .satisfies(thread ->
                        assertThat(connectionsThread.inEventLoop(thread)).isTrue());
    }

    @Test
    void an_answer_whose_client_hung_up_before_the_event_loop_took_it_is_released_and_never_written()
            throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        connectionsThread.execute(() -> await(busy)); // the loop is handling something else for now
        PooledDataBuffer answer = answer();

        Disposable writing = response.writeWith(Mono.just(answer)).subscribe();
        writing.dispose(); // the hang-up, seen before the loop gets to the answer
        busy.countDown();
        connectionsThread.submit(() -> {}).await(1, TimeUnit.SECONDS);

        assertThat(connection.writtenOn.get()).as("written").isNull();
        assertThat(answer.isAllocated()).as("still allocated").isFalse();
    }

    private PooledDataBuffer answer() {
        return (PooledDataBuffer) buffers.allocateBuffer(16).write("{\"id\":1}", StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection's side: where the answer was written, and the buffer released as Netty would once sent. */
    private static final class Connection extends MockServerHttpResponse {

        final AtomicReference<@Nullable Thread> writtenOn = new AtomicReference<>();

        Connection(NettyDataBufferFactory buffers) {
            super(buffers);
        }

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
            return Mono.from(body)
                    .doOnNext(sent -> {
                        writtenOn.set(Thread.currentThread());
                        DataBufferUtils.release(sent);
                    })
                    .then();
        }
    }
}
