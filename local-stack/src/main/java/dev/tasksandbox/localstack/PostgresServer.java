package dev.tasksandbox.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 18 server from the zonky binaries, configured like the operators' one: logical WAL for
 * Debezium, synchronous commits (with zonky's default {@code off}, logical decoding sees a commit only after
 * the WAL writer's 200 ms flush), a cap on the WAL a forgotten replication slot may hold, and commit
 * timestamps, so latency can be measured from commit to commit.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final List<String> DATABASES = List.of("accounts", "projects");

    /**
     * How long a stop may take. zonky's own stop gives the server 5 s, then logs an error and returns with the
     * postmaster still shutting down; under load a fast shutdown took longer (its checkpoint), and the next start
     * on the same data found the old server's lock file and failed.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code port} (0 picks a free one) with its data in {@code dataDirectory}.
     * Existing data is kept unless {@code fresh}; the service databases are created when missing.
     */
    public static PostgresServer start(int port, Path dataDirectory, boolean fresh) {
        try {
            if (fresh) {
                Directories.deleteRecursively(dataDirectory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // zonky's own clean-up would also delete the data when the server stops
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("synchronous_commit", "on")
                    // Lets the pipeline benchmark measure from commit to commit (pg_xact_commit_timestamp).
                    .setServerConfig("track_commit_timestamp", "on")
                    .setServerConfig("max_connections", "200")
                    // zonky's own choice of a port is the kernel's, open to the race FreePort avoids
                    .setPort(FreePort.orAny(port));
            PostgresServer server = new PostgresServer(builder.start(), dataDirectory);
            server.prepareServiceDatabases();
            server.capSlotWal();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates the service databases that are missing, and makes each owned by its service's role, as a new
     * installation has them ({@link ServiceRoles}).
     */
    public void prepareServiceDatabases() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet exists =
                        statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
            ServiceRoles.ensureAll(this::jdbcUrl);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the service databases and their roles", e);
        }
    }

    /**
     * A forgotten replication slot may hold at most 1 GB of WAL. Set with ALTER SYSTEM rather than on the
     * command line, which would override it, so that an operator, or a fault test, can change it with a reload.
     */
    private void capSlotWal() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1GB'");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not cap the WAL that replication slots keep", e);
        }
    }

    /** Stops the server and returns once its postmaster has exited, so its data can be started again at once. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close(); // asks for a fast shutdown, and waits at most 5 s for it
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        postmaster.ifPresent(process -> {
            try {
                process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "PostgreSQL (pid " + process.pid() + ") did not stop within " + STOP_TIMEOUT, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not wait for PostgreSQL to stop", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The running postmaster, from the first line of {@code postmaster.pid} in the data directory. */
    Optional<ProcessHandle> postmaster() {
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of);
        } catch (IOException | NumberFormatException notRunning) {
            return Optional.empty();
        }
    }
}
