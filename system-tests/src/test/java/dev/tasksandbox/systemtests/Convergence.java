package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault must not change, read from both databases once the load has stopped: every acknowledged user gets
 * exactly one example project (none lost, none doubled), no example project lacks its user, and the outbox
 * drains to empty.
 */
final class Convergence {

    static final Duration BOUND = Duration.ofMinutes(2);

    /** Opens a connection to one of the stack's databases ({@code accounts}, {@code projects}). */
    interface Databases {
        Connection open(String database) throws SQLException;
    }

    private final Databases databases;

    Convergence(Databases databases) {
        this.databases = databases;
    }

    /**
     * Waits until the acknowledged users each have one example project and the outbox is empty, prints
     * {@code label: n registrations acknowledged, lost, doubled, client-visible errors, seconds}, and asserts.
     */
    void converged(String label, Registrations.Result registered) throws Exception {
        assertThat(registered.acknowledged()).as("registrations acknowledged").isNotEmpty();
        long started = System.nanoTime();
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> outboxRows() == 0
                        && exampleProjects(registered.acknowledged()).size()
                                == registered.acknowledged().size());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> projects = exampleProjects(registered.acknowledged());
        long lost = registered.acknowledged().stream()
                .filter(user -> !projects.containsKey(user))
                .count();
        long doubled = projects.values().stream().filter(count -> count > 1).count();
        System.out.printf(
                "%s: %d registrations acknowledged, %d lost, %d doubled, %d client-visible errors,"
                        + " converged in %.1f s%n",
                label, registered.acknowledged().size(), lost, doubled, registered.clientErrors(), seconds);
        assertThat(lost).as("lost").isZero();
        assertThat(doubled).as("doubled").isZero();
        assertThat(orphanExampleProjects())
                .as("example projects without a user")
                .isZero();
    }

    private Map<String, Integer> exampleProjects(Set<String> users) throws SQLException {
        Map<String, Integer> perOwner = new HashMap<>();
        try (Connection projects = databases.open("projects");
                PreparedStatement query = projects.prepareStatement("""
                        SELECT owner_id::text, count(*) FROM projects
                        WHERE name = 'My first project' AND owner_id::text = ANY (?) GROUP BY owner_id""")) {
            query.setArray(1, projects.createArrayOf("text", users.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    perOwner.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return perOwner;
    }

    /**
     * Example projects whose owner accounts does not know: a project must come from a registration. The projects
     * are read first: a user commits before its event is published, so every owner read here is already in
     * accounts when its users are read next; read the other way round, a registration in between (a load still
     * running) would look like an orphan.
     */
    private long orphanExampleProjects() throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection projects = databases.open("projects");
                Statement statement = projects.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT owner_id::text FROM projects WHERE name = 'My first project'")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        Set<String> users = new HashSet<>();
        try (Connection accounts = databases.open("accounts");
                Statement statement = accounts.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id::text FROM users")) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }
        return owners.stream().filter(owner -> !users.contains(owner)).count();
    }

    /** Rows still waiting in accounts' outbox for Kafka's acknowledgement. */
    long outboxRows() throws SQLException {
        try (Connection accounts = databases.open("accounts");
                Statement statement = accounts.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM outbox")) {
            row.next();
            return row.getLong(1);
        }
    }
}
