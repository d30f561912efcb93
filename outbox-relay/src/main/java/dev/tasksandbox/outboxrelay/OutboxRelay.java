package dev.tasksandbox.outboxrelay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Relays the outbox to Kafka with an embedded Debezium engine reading this service's replication slot, and
 * supervises it.
 *
 * <p>The engine blocks, so it runs on a thread of its own, never on an event loop. Before every start the
 * relay inspects the slot ({@link SlotRecovery}): when the slot is missing or cannot be trusted, it is made
 * anew and the engine first reads the outbox table, where every unacknowledged event still is. When the engine
 * stops on an error it is started again after a back-off. Because a slot admits one reader, a second instance
 * starts no engine while another one reads the slot ({@link Standby}): it looks again every {@code standbyCheck}, so
 * once the active instance dies it takes over within about that time and its engine's start. The relay stops
 * before the rest of the application, so nothing is read that cannot be sent.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final RelayProperties properties;
    private final RelayTopic topic;
    private final RelayMeters meters;
    private final ReplicationSlot slot;
    private final OutboxTable outbox;
    private final TopicAdministration topics;
    private final SlotRecovery slotRecovery;
    private final Standby standby;
    private final PublishSpans spans;
    private final AtomicReference<RelayState> state = new AtomicReference<>(RelayState.STOPPED);
    // Made by start(), since an executor cannot be started again once stop() has shut it down.
    private volatile @Nullable ExecutorService engineThread;
    private volatile @Nullable ScheduledExecutorService supervisor;
    private volatile @Nullable DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile @Nullable KafkaPublisher publisher;
    private volatile @Nullable String lastError;
    private volatile boolean running;

    OutboxRelay(RelayProperties properties, RelayTopic topic, MeterRegistry registry, PublishSpans spans) {
        this.properties = properties;
        this.spans = spans;
        this.topic = topic;
        this.meters = new RelayMeters(registry);
        this.slot = new ReplicationSlot(properties);
        this.outbox = new OutboxTable(properties);
        this.topics = new TopicAdministration(topic, properties.kafka().bootstrapServers());
        this.slotRecovery = new SlotRecovery(slot, outbox, meters, properties.slotName());
        this.standby = new Standby(slot, properties.slotName());
    }

    public RelayState state() {
        return Objects.requireNonNull(state.get()); // set at construction, never cleared
    }

    /**
     * Whether this instance holds the slot: it received a batch (at least a heartbeat) within two heartbeat
     * intervals. A standby receives nothing.
     */
    public boolean isStreaming() {
        return Duration.between(meters.lastBatchAt(), Instant.now())
                        .compareTo(properties.heartbeatInterval().multipliedBy(2))
                < 0;
    }

    /** Whether a replication connection reads the slot while this instance does not stream: a standby's view. */
    boolean slotHeldElsewhere() throws SQLException {
        return !isStreaming() && slot.isRead();
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public long publishedEvents() {
        return meters.publishedEvents();
    }

    @Override
    public synchronized void start() {
        meters.started();
        ExecutorService engineThread =
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, properties.name()));
        this.engineThread = engineThread;
        ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, properties.name() + "-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        this.supervisor = supervisor;
        running = true;
        Future<?> unused = supervisor.scheduleWithFixedDelay(
                this::sample, 0, properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
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
        outbox.close();
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
            if (standby.slotReadElsewhere()) {
                lookAgainSoon();
                return;
            }
            boolean snapshotTable = slotRecovery.mustReadTheTable();
            topics.ensureTopicExists();
            KafkaPublisher publisher = new KafkaPublisher(properties, topic, outbox, meters::batchPublished, spans);
            this.publisher = publisher;
            DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(
                            ChangeEventFormat.of(Connect.class))
                    .using(DebeziumSettings.of(properties, topic, snapshotTable))
                    .using(this::engineStopped)
                    .notifying(publisher)
                    .build();
            this.engine = engine;
            engine.run();
        } catch (RuntimeException | SQLException e) {
            engineStopped(false, e.getMessage(), e);
        } finally {
            closeEngine();
        }
    }

    /** Samples what the meters report from the database; a failed sample waits for the next one. */
    private void sample() {
        try {
            meters.sampled(outbox.backlog(), slot.lagBytes());
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not sample the outbox backlog", e);
        }
    }

    /**
     * Called by the engine when it ends, or by runEngine when it could not start: one restart either way. Not
     * synchronized on this object, which stop() holds while it waits for the engine that calls back here.
     */
    private void engineStopped(boolean success, @Nullable String message, @Nullable Throwable error) {
        if (!running || !state.compareAndSet(RelayState.RUNNING, RelayState.RESTARTING)) {
            return;
        }
        lastError = message;
        log.warn(
                "Relay stopped (success={}): {}; restarting in {}",
                success,
                message,
                properties.restartBackoff(),
                error);
        runEngineAfter(properties.restartBackoff());
    }

    /** A standby looks at the slot again after {@code standbyCheck}. */
    private void lookAgainSoon() {
        runEngineAfter(properties.standbyCheck());
    }

    /**
     * Schedules the engine's next run unless the relay has been stopped. Nothing waits for that run: one that finds
     * the relay stopped in the meantime has nothing left to do.
     */
    private void runEngineAfter(Duration wait) {
        ExecutorService engineThread = this.engineThread;
        ScheduledExecutorService supervisor = this.supervisor;
        if (running && engineThread != null && supervisor != null) {
            Future<?> unused = supervisor.schedule(
                    () -> engineThread.execute(this::runEngine), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void closeEngine() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = this.engine;
        KafkaPublisher publisher = this.publisher;
        this.engine = null;
        this.publisher = null;
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (java.io.IOException | IllegalStateException e) {
            // IllegalStateException: the engine had already shut itself down, which is what was asked.
            log.debug("Debezium engine closed with {}", e.toString());
        } finally {
            if (publisher != null) {
                publisher.close();
            }
        }
    }
}
