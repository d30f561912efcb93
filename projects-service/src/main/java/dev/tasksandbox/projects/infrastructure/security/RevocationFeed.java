package dev.tasksandbox.projects.infrastructure.security;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.web.RevokedSessions;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The log-outs-everywhere this instance knows of, in memory, so that checking a token costs a map lookup, not a
 * query. Each instance consumes only some partitions of the event topic, but every instance must refuse every
 * revoked token: so the consumer writes {@code session_revocations}, whose trigger announces each row on a
 * PostgreSQL channel, and every instance listens to it on a connection of its own.
 *
 * <p>On (re)connecting it listens first, then reads the table, so that nothing written in between is missed;
 * notifications and rows merge by keeping the later moment, whatever their order. When the connection breaks
 * (the database restarts, the backend is terminated) it connects again with back-off and reads the table again.
 * It starts before the web server and waits for its first reading, so no request is checked against an empty
 * map. Revocations older than {@code horizon} (longer than any access token lives) are forgotten.
 */
final class RevocationFeed implements RevokedSessions, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    static final String CHANNEL = "session_revocations";
    private static final Duration FIRST_READING_BOUND = Duration.ofSeconds(60);

    private final ConnectionFactory connections;
    private final Clock clock;
    private final Duration horizon;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private @Nullable Disposable feed;
    private volatile boolean running;

    /** @param connections the service's pooled factory: the feed holds a connection of its own, outside the pool */
    RevocationFeed(ConnectionFactory connections, Clock clock, Duration horizon) {
        this.connections = driverOf(connections);
        this.clock = clock;
        this.horizon = horizon;
    }

    /**
     * The driver's own factory under the pool and the observing proxy: only a connection of the driver can
     * listen, and the feed's one long-lived statement is no span of anybody's request.
     */
    private static ConnectionFactory driverOf(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapper && wrapper.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }

    @Override
    public Mono<Instant> revokedAt(UserId user) {
        return Mono.justOrEmpty(revoked.get(user.value()));
    }

    @Override
    public void start() {
        Sinks.Empty<Void> firstReading = Sinks.empty();
        feed = Flux.defer(() -> listenThenRead(firstReading))
                .repeat() // a connection that ends cleanly is a connection lost as well
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                        .maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(signal -> log.warn(
                                "Lost the feed of session revocations ({}); connecting again",
                                signal.failure().toString())))
                .subscribe();
        firstReading.asMono().block(FIRST_READING_BOUND);
        running = true;
    }

    private Flux<Void> listenThenRead(Sinks.Empty<Void> firstReading) {
        return Flux.usingWhen(
                Mono.from(connections.create()).cast(PostgresqlConnection.class),
                connection -> Flux.merge(
                        // Subscribed first: what is announced once LISTEN holds is not lost.
                        connection.getNotifications().doOnNext(this::announced).then(),
                        connection
                                .createStatement("LISTEN " + CHANNEL)
                                .execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .thenMany(read(connection))
                                .doOnComplete(firstReading::tryEmitEmpty)
                                .then()),
                PostgresqlConnection::close);
    }

    private Flux<Void> read(PostgresqlConnection connection) {
        return connection
                .createStatement("SELECT user_id, revoked_at FROM session_revocations WHERE revoked_at > $1")
                .bind("$1", clock.instant().minus(horizon))
                .execute()
                .flatMap(result -> result.map(row -> {
                    keep(
                            row.get("user_id", UUID.class),
                            row.get("revoked_at", OffsetDateTime.class).toInstant());
                    return 1;
                }))
                .count()
                .doOnNext(rows -> log.info("Session revocations read: {} users logged out everywhere", rows))
                .thenMany(Flux.empty());
    }

    /** "{user id} {microseconds since the epoch}", as the table's trigger writes it. */
    private void announced(Notification notification) {
        String payload = notification.getParameter();
        if (payload == null) {
            return;
        }
        String[] parts = payload.split(" ", 2);
        keep(UUID.fromString(parts[0]), Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS));
    }

    private void keep(UUID user, Instant revokedAt) {
        revoked.merge(user, revokedAt, (known, announced) -> announced.isAfter(known) ? announced : known);
    }

    /** Forgets what no longer refuses anything: every token issued before it has expired. */
    @Scheduled(fixedDelayString = "${projects.security.revocation-horizon}")
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(horizon);
        revoked.values().removeIf(revokedAt -> revokedAt.isBefore(cutoff));
    }

    @Override
    public void stop() {
        running = false;
        Disposable current = feed;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (and the event listeners): no request is checked against a map not yet read. */
    @Override
    public int getPhase() {
        return 0;
    }
}
