package dev.tasksandbox.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider.ConnectionMetadata;

/** Real connections over the loopback, on the epoll transport the gateway runs on. */
class StaleConnectionsTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final ConnectionMetadata JUST_RELEASED = metadata(0);

    private final StaleConnections stale = new StaleConnections(Duration.ofSeconds(30), null);
    private final EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final CountDownLatch eventLoopEntered = new CountDownLatch(1);
    private final CountDownLatch eventLoopBusy = new CountDownLatch(1);
    private ServerSocket upstream;
    private Channel connection;
    private Socket upstreamEnd;

    @BeforeEach
    void connect() throws Exception {
        upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        connection = new Bootstrap()
                .group(eventLoop)
                .channel(EpollSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(upstream.getLocalSocketAddress())
                .sync()
                .channel();
        upstreamEnd = upstream.accept();
    }

    @AfterEach
    void close() throws Exception {
        eventLoopBusy.countDown();
        upstreamEnd.close();
        upstream.close();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void an_open_connection_is_used_again() {
        assertThat(stale.test(Connection.from(connection), JUST_RELEASED)).isFalse();
    }

    @Test
    void a_connection_the_upstream_closed_is_left_out_before_the_gateway_has_read_the_close() throws Exception {
        connection.eventLoop().execute(this::keepBusy); // the event loop is busy elsewhere: it reads nothing
        // Only once it is: a loop not yet in the task could read the close first.
        assertThat(eventLoopEntered.await(BOUND.toMillis(), TimeUnit.MILLISECONDS))
                .isTrue();

        upstreamEnd.close(); // as the kernel of a killed instance does

        await().atMost(BOUND).until(() -> stale.test(Connection.from(connection), JUST_RELEASED));
        assertThat(connection.isActive())
                .as("Netty has not read the close yet, so its own check would hand the connection out")
                .isTrue();
    }

    @Test
    void a_connection_idle_longer_than_the_pool_allows_is_left_out() {
        assertThat(stale.test(
                        Connection.from(connection),
                        metadata(Duration.ofSeconds(30).toMillis())))
                .isTrue();
    }

    private void keepBusy() {
        eventLoopEntered.countDown();
        try {
            // Released by close(); bounded past the test's own bound, so that the loop cannot read the close in time.
            eventLoopBusy.await(BOUND.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConnectionMetadata metadata(long idleMillis) {
        return new ConnectionMetadata() {
            @Override
            public int acquireCount() {
                return 1;
            }

            @Override
            public long idleTime() {
                return idleMillis;
            }

            @Override
            public long lifeTime() {
                return idleMillis;
            }

            @Override
            public long releaseTimestamp() {
                return 0;
            }

            @Override
            public long allocationTimestamp() {
                return 0;
            }
        };
    }
}
