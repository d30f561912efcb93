package dev.tasksandbox.accounts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.accounts.AccountsServiceIT;
import dev.tasksandbox.testkit.JitSettling;
import dev.tasksandbox.testkit.ProcessCpu;
import dev.tasksandbox.testkit.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How fast the relay empties a backlog: 20,000 outbox rows committed in one transaction (as after an outage, or
 * a burst of registrations), timed from the commit until Kafka has acknowledged every event, as the relay's own
 * counter of acknowledged events says. Prints a {@code BENCHMARK} line; asserts no speed, since this machine's
 * varies, only that every event was acknowledged and every row then deleted.
 */
class RelayThroughputIT extends AccountsServiceIT {

    private static final int ROWS = 20_000;
    private static final Duration BOUND = Duration.ofMinutes(2);

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Test
    void twenty_thousand_rows_committed_in_one_transaction_all_reach_kafka_and_leave_the_outbox() {
        burst("a fresh relay");
    }

    /**
     * The relay's settled speed: bursts until this JVM's JIT has settled (a fresh JVM's relay costs several times
     * its settled CPU per event), then three measured bursts. Run with {@code -Pbenchmarks}.
     */
    @Test
    @Tag("benchmark")
    void the_settled_relay_publishes_a_burst_of_twenty_thousand_events() {
        JitSettling.Warmed warmed = JitSettling.of(ProcessHandle.current()).warm(() -> burst("warm-up"), 40);
        for (int round = 1; round <= 3; round++) {
            burst(warmed.after("warm-up bursts") + ", round " + round);
        }
    }

    private void burst(String label) {
        await().atMost(BOUND).until(() -> outboxRows() == 0); // what earlier tests left is not counted
        double before = acknowledged();

        // One statement outside a transaction block: one transaction, committed when it returns.
        database.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, traceparent)
                        SELECT event, 'user', account::text, 'UserAccountCreated',
                               json_build_object('eventId', event, 'userId', account,
                                                 'occurredAt', '2026-12-01T00:00:00.000001Z')::text,
                               '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
                        FROM (SELECT gen_random_uuid() AS event, gen_random_uuid() AS account
                              FROM generate_series(1, :rows)) AS backlog""").bind("rows", ROWS).then().block();
        long committed = System.nanoTime();
        ProcessCpu cpu = ProcessCpu.of(Map.of("accounts", ProcessHandle.current()), SharedInfrastructure.get());
        await().atMost(BOUND).pollInterval(Duration.ofMillis(10)).until(() -> acknowledged() - before >= ROWS);
        double seconds = (System.nanoTime() - committed) / 1e9;

        System.out.printf(
                "BENCHMARK relay, %s: %,d outbox rows committed in one transaction, acknowledged by Kafka in %.2f s:"
                        + " %,.0f events/s; CPU ms per event: %s%n",
                label, ROWS, seconds, ROWS / seconds, cpu.line(ROWS));
        await().atMost(BOUND).until(() -> outboxRows() == 0);
        assertThat(outboxRows())
                .as("rows left once Kafka acknowledged their events")
                .isZero();
    }

    private double acknowledged() {
        return meters.get("outbox.relay.events").functionCounter().count();
    }

    private long outboxRows() {
        return database.sql("SELECT count(*) FROM outbox")
                .map(row -> row.get(0, Long.class))
                .one()
                .blockOptional()
                .orElse(0L);
    }
}
