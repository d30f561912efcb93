package dev.tasksandbox.projects.infrastructure.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the inbox from growing without end: events recorded longer ago than the horizon are forgotten, a
 * bounded batch per statement, so no statement holds many locks or a long transaction. The horizon must exceed
 * how long any copy of an event can still arrive: the topic's and the dead-letter topic's retention (Kafka's
 * default is 7 days; the horizon defaults to 30). An event forgotten and then delivered again would take effect
 * twice. Several instances may run the job at once: each skips the rows another is deleting.
 */
@Component
class InboxRetention {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final DatabaseClient database;
    private final Clock clock;
    private final Duration horizon;
    private final int batchSize;
    private final Counter forgotten;

    InboxRetention(
            DatabaseClient database,
            Clock clock,
            MeterRegistry meters,
            @Value("${projects.inbox.retention}") Duration horizon,
            @Value("${projects.inbox.retention-batch}") int batchSize) {
        this.database = database;
        this.clock = clock;
        this.horizon = horizon;
        this.batchSize = batchSize;
        this.forgotten = Counter.builder("projects.inbox.forgotten")
                .description("Inbox rows deleted because they are older than the retention horizon")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${projects.inbox.retention-interval}",
            fixedDelayString = "${projects.inbox.retention-interval}")
    void forgetOldEvents() {
        long deleted = forgetRecordedBefore(clock.instant().minus(horizon))
                .blockOptional()
                .orElse(0L);
        if (deleted > 0) {
            log.info("Inbox retention: forgot {} events recorded more than {} ago", deleted, horizon);
        }
    }

    /** Deletes every inbox row recorded before {@code cutoff}, a batch at a time; emits how many. */
    Mono<Long> forgetRecordedBefore(Instant cutoff) {
        return deleteBatch(cutoff)
                .expand(deleted -> deleted == batchSize ? deleteBatch(cutoff) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> deleteBatch(Instant cutoff) {
        return database.sql("""
                        DELETE FROM processed_events WHERE event_id IN (
                            SELECT event_id FROM processed_events WHERE processed_at < :cutoff
                            ORDER BY processed_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .bind("cutoff", cutoff)
                .bind("batch", batchSize)
                .fetch()
                .rowsUpdated()
                .doOnNext(forgotten::increment);
    }
}
