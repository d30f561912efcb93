package dev.tasksandbox.gateway.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollSocketChannel;
import java.time.Duration;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider.ConnectionMetadata;

/**
 * The pooled connections to an upstream that must not carry another request: those Reactor Netty's pool leaves
 * out by default (closed, not kept alive, idle or open longer than configured) and those the upstream has
 * closed although the gateway has not read that close yet.
 *
 * <p>The last kind appears when an instance dies. Its kernel closes every connection at once, but the gateway
 * reads each close only when its event loop comes round to that connection: on a busy machine a hundred
 * milliseconds later and more (seen in {@code ReplicaFailoverIT}). A request sent over such a connection in
 * that time reached nobody, yet the gateway sees only a connection closed before any response, just as for a
 * request the instance was working on when it died, which must not be sent twice: a 502 for a request that
 * arrived after the death. The kernel knows better than the event loop. Asked for the connection's TCP state (one
 * {@code getsockopt}) whenever the pool hands it out or takes it back, a connection no longer {@code ESTABLISHED} is
 * closed and another one taken or made; to a dead instance, that connection is refused, and a refused
 * connection is retried on another instance ({@link RetryUnsentGatewayFilterFactory}).
 *
 * <p>Asked of the epoll transport, the one Reactor Netty uses on Linux, where the gateway runs (compose,
 * Kubernetes, the local stack). On another transport only the defaults apply.
 */
final class StaleConnections implements BiPredicate<Connection, ConnectionMetadata> {

    /**
     * {@code TCP_ESTABLISHED} of Linux's {@code tcp_states.h}: after the peer's FIN the state is CLOSE_WAIT, after
     * a reset CLOSE.
     */
    private static final int TCP_ESTABLISHED = 1;

    private final @Nullable Duration maxIdleTime;
    private final @Nullable Duration maxLifeTime;

    /**
     * A predicate that replaces the pool's default one, and so keeps its rules: the idle and life times
     * configured for the pool ({@code null}: no limit).
     */
    StaleConnections(@Nullable Duration maxIdleTime, @Nullable Duration maxLifeTime) {
        this.maxIdleTime = maxIdleTime;
        this.maxLifeTime = maxLifeTime;
    }

    @Override
    public boolean test(Connection connection, ConnectionMetadata metadata) {
        return !connection.channel().isActive()
                || !connection.isPersistent()
                || longerThan(metadata.idleTime(), maxIdleTime)
                || longerThan(metadata.lifeTime(), maxLifeTime)
                || closedByPeer(connection.channel());
    }

    /** Whether the other end has closed or reset the connection, as the kernel has it, whatever Netty has read. */
    static boolean closedByPeer(Channel channel) {
        if (channel instanceof EpollSocketChannel socket) {
            try {
                return socket.tcpInfo().state() != TCP_ESTABLISHED;
            } catch (ChannelException closedMeanwhile) {
                return true;
            }
        }
        return false;
    }

    private static boolean longerThan(long millis, @Nullable Duration limit) {
        return limit != null && millis >= limit.toMillis();
    }
}
