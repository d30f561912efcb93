package dev.tasksandbox.outboxrelay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches of the relay, as Micrometer meters (Prometheus names in the README's Metrics table).
 * The backlog and the slot's lag are sampled from the database every probe interval; the rest is counted as it
 * happens.
 */
final class RelayMeters {

    private final AtomicLong publishedEvents = new AtomicLong();
    private final Timer lag;
    private final Counter slotRecoveries;
    private final Counter republished;
    private volatile Instant lastBatchAt = Instant.EPOCH;
    private volatile Instant startedAt = Instant.now();
    private volatile double backlogRows = Double.NaN;
    private volatile double backlogAgeSeconds = Double.NaN;
    private volatile double slotLagBytes = Double.NaN;

    RelayMeters(MeterRegistry meters) {
        FunctionCounter.builder("outbox.relay.events", publishedEvents, AtomicLong::get)
                .description("Outbox events published to Kafka and acknowledged by it, republished ones included")
                .register(meters);
        lag = Timer.builder("outbox.relay.lag")
                .description("Time from the commit that wrote an outbox event to Kafka's acknowledgement of it")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10)) // a backlog shows as what it is, not as 30 s
                .register(meters);
        TimeGauge.builder(
                        "outbox.relay.silence",
                        this,
                        TimeUnit.MILLISECONDS,
                        m -> m.silence().toMillis())
                .description(
                        "Time since the relay last received a batch from the replication slot, heartbeats included")
                .register(meters);
        Gauge.builder("outbox.relay.backlog", this, m -> m.backlogRows)
                .description("Outbox rows whose events Kafka has not acknowledged yet")
                .baseUnit("rows")
                .register(meters);
        TimeGauge.builder("outbox.relay.backlog.age", this, TimeUnit.SECONDS, m -> m.backlogAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited")
                .register(meters);
        Gauge.builder("outbox.relay.slot.lag", this, m -> m.slotLagBytes)
                .description("WAL written since the replication slot's confirmed position, which PostgreSQL keeps")
                .baseUnit("bytes")
                .register(meters);
        slotRecoveries = Counter.builder("outbox.relay.slot.recoveries")
                .description("Times the relay found its slot missing or unusable and republished the outbox table")
                .register(meters);
        republished = Counter.builder("outbox.relay.republished")
                .description("Events republished from the outbox table after a new slot was created")
                .register(meters);
    }

    void started() {
        startedAt = Instant.now();
    }

    void batchPublished(Instant acknowledgedAt, int events, int fromTable, List<Instant> commitTimes) {
        lastBatchAt = acknowledgedAt;
        publishedEvents.addAndGet(events);
        republished.increment(fromTable);
        commitTimes.forEach(committedAt -> lag.record(Duration.between(committedAt, acknowledgedAt)));
    }

    void slotRecovered() {
        slotRecoveries.increment();
    }

    void sampled(OutboxTable.Backlog backlog, OptionalLong slotLag) {
        backlogRows = backlog.rows();
        backlogAgeSeconds = backlog.oldestAge().toMillis() / 1000.0;
        slotLagBytes = slotLag.isPresent() ? slotLag.getAsLong() : Double.NaN;
    }

    long publishedEvents() {
        return publishedEvents.get();
    }

    Instant lastBatchAt() {
        return lastBatchAt;
    }

    /** Time since the engine last received a batch, or since the relay started when it has received none. */
    private Duration silence() {
        Instant last = lastBatchAt;
        Instant since = last.isAfter(startedAt) ? last : startedAt;
        return Duration.between(since, Instant.now());
    }
}
