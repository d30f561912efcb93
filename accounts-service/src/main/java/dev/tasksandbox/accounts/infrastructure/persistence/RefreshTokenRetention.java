package dev.tasksandbox.accounts.infrastructure.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the refresh tokens from growing without end: a family that can never be traded again (revoked, past
 * its end, or without a usable token left) is deleted with its tokens, a bounded batch per statement. The spent
 * tokens of a family that still lives are kept: presenting one again is how a theft is detected, and that
 * detection revokes the family. A family being rotated is locked and skipped, and a dead family cannot come
 * back to life, so the job needs no coordination with logins, nor between instances.
 */
@Component
class RefreshTokenRetention {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenRetention.class);

    private final DatabaseClient database;
    private final Clock clock;
    private final int batchSize;
    private final Counter forgotten;

    RefreshTokenRetention(
            DatabaseClient database,
            Clock clock,
            MeterRegistry meters,
            @Value("${accounts.tokens.retention-batch}") int batchSize) {
        this.database = database;
        this.clock = clock;
        this.batchSize = batchSize;
        this.forgotten = Counter.builder("accounts.refresh.families.forgotten")
                .description("Refresh-token families deleted, with their tokens, because none can be traded again")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${accounts.tokens.retention-interval}",
            fixedDelayString = "${accounts.tokens.retention-interval}")
    void forgetDeadFamilies() {
        long deleted = forgetFamiliesDeadAt(clock.instant()).blockOptional().orElse(0L);
        if (deleted > 0) {
            log.info("Refresh-token retention: deleted {} families that can no longer be traded", deleted);
        }
    }

    /** Deletes every family dead at {@code now}, a batch at a time; emits how many. */
    Mono<Long> forgetFamiliesDeadAt(Instant now) {
        return deleteBatch(now)
                .expand(deleted -> deleted == batchSize ? deleteBatch(now) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> deleteBatch(Instant now) {
        // Its tokens go with it (ON DELETE CASCADE).
        return database.sql("""
                        DELETE FROM refresh_token_families WHERE id IN (
                            SELECT f.id FROM refresh_token_families f
                            WHERE f.revoked_at IS NOT NULL OR f.expires_at <= :now OR NOT EXISTS (
                                SELECT 1 FROM refresh_tokens t
                                WHERE t.family_id = f.id AND t.spent_at IS NULL AND t.expires_at > :now)
                            LIMIT :batch FOR UPDATE OF f SKIP LOCKED)""")
                .bind("now", now)
                .bind("batch", batchSize)
                .fetch()
                .rowsUpdated()
                .doOnNext(forgotten::increment);
    }
}
