package dev.tasksandbox.outboxrelay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.localstack.PostgresServer;
import dev.tasksandbox.testkit.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the relay's deletes do to a real outbox table, including rows that were not visible yet when tried. */
class OutboxTableIT {

    private static PostgresServer postgres;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private OutboxTable outbox;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start(0, Files.createTempDirectory(Path.of("target"), "outbox-table-"), true);
        execute("CREATE TABLE outbox (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        execute("TRUNCATE outbox");
        outbox = new OutboxTable(properties(), clock);
    }

    @Test
    void the_rows_of_published_events_are_deleted() throws SQLException {
        UUID published = insertRow();
        UUID waiting = insertRow();

        outbox.deletePublished(List.of(published));

        assertThat(rows()).containsExactly(waiting);
    }

    @Test
    void a_row_the_delete_did_not_find_yet_is_deleted_by_a_later_delete_even_of_no_events() throws SQLException {
        UUID notVisibleYet = UUID.randomUUID();
        outbox.deletePublished(List.of(notVisibleYet)); // its commit streamed, but not yet visible to others
        insertRow(notVisibleYet);

        outbox.deletePublished(List.of()); // a batch of heartbeats

        assertThat(rows()).isEmpty();
    }

    @Test
    void an_id_not_found_within_the_retry_window_is_forgotten() throws SQLException {
        UUID alreadyGone = UUID.randomUUID(); // a replayed event whose row an earlier delete removed
        outbox.deletePublished(List.of(alreadyGone));
        clock.advance(OutboxTable.RETRY_WINDOW.plusSeconds(1));
        outbox.deletePublished(List.of());
        insertRow(alreadyGone); // only to observe the forgetting: a later delete leaves it

        outbox.deletePublished(List.of());

        assertThat(rows()).containsExactly(alreadyGone);
    }

    private static RelayProperties properties() {
        return new RelayProperties(
                true,
                "outbox-table-test",
                "outbox_table_test",
                "outbox_table_test",
                "outbox",
                "relay_offsets",
                Duration.ofMillis(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                new RelayProperties.Database(
                        "localhost", postgres.port(), "accounts", PostgresServer.USER, PostgresServer.PASSWORD),
                new RelayProperties.Kafka("localhost:1"));
    }

    private static UUID insertRow() throws SQLException {
        return insertRow(UUID.randomUUID());
    }

    private static UUID insertRow(UUID id) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (id) VALUES (?)")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static List<UUID> rows() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM outbox")) {
            List<UUID> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("accounts"), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
