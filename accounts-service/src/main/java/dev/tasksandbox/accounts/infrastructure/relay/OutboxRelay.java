package dev.tasksandbox.accounts.infrastructure.relay;

import dev.tasksandbox.kernel.UserAccountCreated;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Relays the outbox to Kafka with an embedded Debezium engine reading this service's replication slot.
 *
 * <p>The engine blocks, so it runs on a thread of its own, never on an event loop. It is supervised: when it
 * stops on an error it is started again after a back-off. Because a slot admits one reader, the engine of a
 * second instance of the service cannot start streaming and keeps retrying every {@code restartBackoff}: it is a
 * standby that takes over within about that time once the active instance dies. The relay stops before the
 * rest of the application, so nothing is read that cannot be sent.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final RelayProperties properties;
    private final AtomicLong publishedEvents = new AtomicLong();
    private final Timer lag;
    private volatile Instant lastBatchAt = Instant.EPOCH;
    private volatile Instant startedAt = Instant.now();
    // Made by start(), since an executor cannot be started again once stop() has shut it down.
    private volatile @Nullable ExecutorService engineThread;
    private volatile @Nullable ScheduledExecutorService supervisor;
    private volatile @Nullable DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile @Nullable KafkaPublisher publisher;
    private final AtomicReference<RelayState> state = new AtomicReference<>(RelayState.STOPPED);
    private volatile @Nullable String lastError;
    private volatile boolean running;

    /**
     * Publishes three meters. {@code outbox.relay.events} counts the events Kafka acknowledged: its rate is the
     * relay's throughput; events replayed after a crash count again. {@code outbox.relay.lag} is the time from
     * each event's commit (by the database's clock) to that acknowledgement (by this JVM's). {@code
     * outbox.relay.silence} is the time since the engine last received a batch: heartbeats keep it under the
     * heartbeat interval on the active instance, so it says that a relay is stuck even while nobody registers.
     */
    public OutboxRelay(RelayProperties properties, MeterRegistry meters) {
        this.properties = properties;
        FunctionCounter.builder("outbox.relay.events", publishedEvents, AtomicLong::get)
                .description("Outbox events published to Kafka and acknowledged by it")
                .register(meters);
        this.lag = Timer.builder("outbox.relay.lag")
                .description("Time from the commit that wrote an outbox event to Kafka's acknowledgement of it")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10)) // a backlog shows as what it is, not as 30 s
                .register(meters);
        TimeGauge.builder(
                        "outbox.relay.silence",
                        this,
                        TimeUnit.MILLISECONDS,
                        relay -> relay.silence().toMillis())
                .description(
                        "Time since the relay last received a batch from the replication slot, heartbeats included")
                .register(meters);
    }

    public RelayState state() {
        return Objects.requireNonNull(state.get()); // set at construction, never cleared
    }

    /**
     * Whether this instance holds the slot: it received a batch (at least a heartbeat) within two heartbeat
     * intervals. A standby receives nothing.
     */
    public boolean isStreaming() {
        return Duration.between(lastBatchAt, Instant.now())
                        .compareTo(properties.heartbeatInterval().multipliedBy(2))
                < 0;
    }

    /** Time since the engine last received a batch, or since the relay started when it has received none. */
    private Duration silence() {
        Instant last = lastBatchAt;
        return Duration.between(last.isAfter(startedAt) ? last : startedAt, Instant.now());
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public long publishedEvents() {
        return publishedEvents.get();
    }

    @Override
    public synchronized void start() {
        startedAt = Instant.now();
        ExecutorService engineThread =
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        this.engineThread = engineThread;
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        engineThread.execute(this::runEngine);
    }

    @Override
    public synchronized void stop() {
        running = false;
        ExecutorService engineThread = this.engineThread;
        ScheduledExecutorService supervisor = this.supervisor;
        if (engineThread == null || supervisor == null) {
            return; // never started
        }
        supervisor.shutdownNow();
        closeEngine();
        engineThread.shutdown();
        try {
            if (!engineThread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Relay did not stop within {}; interrupting it", STOP_TIMEOUT);
                engineThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            engineThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        state.set(RelayState.STOPPED);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts last and stops first among the lifecycle beans: it needs the database and Kafka clients. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void runEngine() {
        if (!running) {
            return;
        }
        state.set(RelayState.RUNNING);
        try {
            ensureTopicExists();
            KafkaPublisher publisher = new KafkaPublisher(properties.kafka().bootstrapServers(), this::batchPublished);
            this.publisher = publisher;
            DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(
                            ChangeEventFormat.of(Connect.class))
                    .using(DebeziumSettings.of(properties))
                    .using(this::engineStopped)
                    .notifying(publisher)
                    .build();
            this.engine = engine;
            engine.run();
        } catch (RuntimeException e) {
            engineStopped(false, e.getMessage(), e);
        } finally {
            closeEngine();
        }
    }

    private void batchPublished(Instant acknowledgedAt, int events, List<Instant> commitTimes) {
        lastBatchAt = acknowledgedAt;
        publishedEvents.addAndGet(events);
        commitTimes.forEach(committedAt -> lag.record(Duration.between(committedAt, acknowledgedAt)));
    }

    /**
     * Called by the engine when it ends, or by runEngine when it could not start: one restart either way. Not
     * synchronized on this object, which stop() holds while it waits for the engine that calls back here.
     */
    private void engineStopped(boolean success, @Nullable String message, @Nullable Throwable error) {
        ExecutorService engineThread = this.engineThread;
        ScheduledExecutorService supervisor = this.supervisor;
        if (!running
                || engineThread == null
                || supervisor == null
                || !state.compareAndSet(RelayState.RUNNING, RelayState.RESTARTING)) {
            return;
        }
        lastError = message;
        log.warn(
                "Relay stopped (success={}): {}; restarting in {}",
                success,
                message,
                properties.restartBackoff(),
                error);
        // Nothing waits for the restart: one that finds the relay stopped has nothing left to do.
        Future<?> unused = supervisor.schedule(
                () -> engineThread.execute(this::runEngine),
                properties.restartBackoff().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void ensureTopicExists() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(
                            List.of(new NewTopic(UserAccountCreated.TOPIC, properties.topicPartitions(), (short) -1)))
                    .all()
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + UserAccountCreated.TOPIC, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating " + UserAccountCreated.TOPIC, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void closeEngine() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = this.engine;
        KafkaPublisher publisher = this.publisher;
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (IOException e) {
            log.warn("Could not close the Debezium engine", e);
        } finally {
            if (publisher != null) {
                publisher.close();
                this.publisher = null;
            }
            this.engine = null;
        }
    }
}
