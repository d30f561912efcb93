package dev.tasksandbox.gateway.edge;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The edge limits' buckets in Redis, with Bucket4j: every gateway instance takes from the same bucket, so the
 * limits hold however many instances run. Bucket4j's bucket is the one {@link TokenBucket} keeps in memory
 * ({@code capacity} at once, refilled evenly over the period), and it answers how long to wait, which becomes
 * the 429's {@code Retry-After}. Keys are hashed: no e-mail address is stored in Redis as such.
 *
 * <p>Redis being away is not the gateway being down: a take that fails or takes longer than {@code timeout}
 * is taken from this instance's memory instead, so the limits loosen to per-instance ones and never vanish.
 * The store reconnects by itself.
 */
public final class RedisBucketStore implements BucketStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final String KEY_PREFIX = "tasksandbox:limit:";
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    /** For making a connection (TCP, then HELLO with the password): a cold one takes longer than a take may. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final AtomicReference<@Nullable Connected> connected = new AtomicReference<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicLong lastAttemptNanos =
            new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private final AtomicLong lastWarningNanos =
            new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private volatile boolean closed;

    /** Takes from Redis at {@code redisUrl}, each take awaited at most {@code timeout}. */
    public RedisBucketStore(String redisUrl, Duration timeout) {
        this.timeout = timeout;
        this.uri = RedisURI.create(redisUrl);
        uri.setTimeout(CONNECT_TIMEOUT);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                // Fail at once while disconnected rather than queueing: the fallback answers meanwhile.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        // Connected while the gateway starts, so that its first requests find the connection made.
        connectInBackground();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A take that times out may still have taken its token in Redis after the same request was counted in
     * memory: under a slow Redis a request can count twice, which tightens a limit and never loosens it.
     */
    @Override
    public Buckets buckets(String limit, int capacity, Duration period) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(capacity, period))
                .build();
        RequestBuckets fallback = new RequestBuckets(capacity, period, System::nanoTime);
        return key -> Mono.defer(this::proxies)
                .flatMap(proxies -> Mono.fromFuture(() -> proxies.builder()
                        .build(KEY_PREFIX + limit + ":" + hashed(key), configuration)
                        .tryConsumeAndReturnRemaining(1)))
                .map(RedisBucketStore::waitOf)
                .timeout(timeout)
                // Lettuce completes on its I/O thread, one per connection: the request goes on elsewhere.
                .publishOn(Schedulers.parallel())
                .onErrorResume(failure -> {
                    warn(failure);
                    return fallback.take(key);
                });
    }

    /** Whether Redis answers a PING now, for the health endpoint. */
    public Mono<Boolean> reachable() {
        return Mono.defer(() -> {
                    Connected current = connected.get();
                    if (current == null) {
                        connectInBackground();
                        return Mono.just(false);
                    }
                    return Mono.fromCompletionStage(current.connection().async().ping())
                            .map("PONG"::equals);
                })
                .timeout(timeout)
                .onErrorReturn(false);
    }

    private static Duration waitOf(ConsumptionProbe probe) {
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** The connection once made (Lettuce then reconnects it by itself); until then, an error: count in memory. */
    private Mono<AsyncProxyManager<String>> proxies() {
        Connected current = connected.get();
        if (current != null) {
            return Mono.just(current.proxies());
        }
        connectInBackground();
        return Mono.error(new IllegalStateException("Redis is not connected yet"));
    }

    /**
     * Starts making the connection, apart from any request (whose time-out would otherwise abandon a connection
     * half made): one attempt at a time, and while Redis cannot be reached, at most one per second.
     */
    private void connectInBackground() {
        long now = System.nanoTime();
        long last = lastAttemptNanos.get();
        if (closed
                || connected.get() != null
                || now - last < Duration.ofSeconds(1).toNanos()
                || !connecting.compareAndSet(false, true)) {
            return;
        }
        lastAttemptNanos.set(now);
        var unused = client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                .whenComplete((connection, failure) -> {
                    connecting.set(false);
                    if (failure != null) {
                        warn(failure);
                    } else if (closed) {
                        var unusedClose = connection.closeAsync();
                    } else {
                        connected.set(new Connected(
                                connection,
                                Bucket4jLettuce.casBasedBuilder(connection)
                                        .expirationAfterWrite(
                                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                                        Duration.ofSeconds(10)))
                                        .build()
                                        .asAsync()));
                    }
                });
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= WARNING_INTERVAL.toNanos() && lastWarningNanos.compareAndSet(last, now)) {
            log.warn(
                    "Redis did not answer ({}); the login and registration limits count in this instance's memory"
                            + " until it does (this warning at most once a minute)",
                    failure.toString());
        }
    }

    /**
     * The key as stored: a digest, so that Redis holds no email address as such (a digest of an address can
     * still be matched against a list of addresses: Redis is to be kept as private as the gateway).
     */
    private static String hashed(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every JVM has SHA-256
        }
    }

    @Override
    public void close() {
        closed = true;
        Connected current = connected.getAndSet(null);
        if (current != null) {
            current.connection().close();
        }
        client.shutdown();
    }

    private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> proxies) {}
}
