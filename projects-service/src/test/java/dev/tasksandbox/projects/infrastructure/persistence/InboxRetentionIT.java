package dev.tasksandbox.projects.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.projects.ProjectsServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class InboxRetentionIT extends ProjectsServiceIT {

    @Autowired
    DatabaseClient database;

    @Autowired
    InboxRetention retention;

    @Test
    void events_recorded_before_the_horizon_are_forgotten_in_batches_and_recent_ones_are_kept() {
        Instant now = Instant.now();
        // More old rows than one batch (5000 by default), so that the job must come back for the rest.
        List<UUID> old = record(7_500, now.minus(Duration.ofDays(31)));
        List<UUID> recent = record(10, now.minus(Duration.ofDays(29)));

        long forgotten =
                retention.forgetRecordedBefore(now.minus(Duration.ofDays(30))).block();

        assertThat(forgotten).isGreaterThanOrEqualTo(old.size());
        assertThat(count(old)).isZero();
        assertThat(count(recent)).isEqualTo(recent.size());
    }

    private List<UUID> record(int events, Instant processedAt) {
        List<UUID> ids =
                IntStream.range(0, events).mapToObj(i -> UUID.randomUUID()).toList();
        database.sql("INSERT INTO processed_events (event_id, processed_at) SELECT unnest(:ids::uuid[]), :at")
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("at", processedAt)
                .then()
                .block();
        return ids;
    }

    private long count(List<UUID> ids) {
        return database.sql("SELECT count(*) FROM processed_events WHERE event_id = ANY(:ids::uuid[])")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
