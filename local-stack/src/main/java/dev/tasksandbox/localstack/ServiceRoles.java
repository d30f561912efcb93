package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' database roles, least privilege as docker compose has them: each service's database is owned by a
 * role of its own, which Flyway and the service connect as; accounts' outbox relay connects as a role that may
 * stream the WAL and, by Flyway's grants, touch the outbox and its offsets only. Created from the same SQL files
 * as compose's PostgreSQL containers ({@code deploy/postgres}), so the tests exercise the operators' privileges.
 */
public final class ServiceRoles {

    /** A role a service connects as. Passwords are no secret here: the server listens on the loopback only. */
    public record Role(String name, String password) {}

    /** accounts' relay: streams the WAL, reads and deletes outbox rows, keeps its offsets. */
    public static final Role ACCOUNTS_RELAY = new Role("accounts_relay", "accounts_relay");

    /** SQLSTATE of "role ... already exists". */
    private static final String DUPLICATE_OBJECT = "42710";

    private static final Pattern VARIABLE = Pattern.compile(":\"(\\w+)\"|:'(\\w+)'");

    private ServiceRoles() {}

    /** The role that owns {@code database} and that its service connects as. */
    public static Role ownerOf(String database) {
        return new Role(database, database);
    }

    /** The roles of every service database, each reached by {@code jdbcUrlOf} as the superuser. */
    static void ensureAll(Function<String, String> jdbcUrlOf) throws SQLException {
        for (String database : PostgresServer.DATABASES) {
            try (Connection superuser = DriverManager.getConnection(
                    jdbcUrlOf.apply(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
                ensure(superuser, database);
            }
        }
    }

    /**
     * Makes the roles of {@code database} exist, on a connection of a superuser to it. Data from before the roles
     * existed (a local stack's) is handed to the owner, so its migrations can go on.
     */
    static void ensure(Connection superuser, String database) throws SQLException {
        Role owner = ownerOf(database);
        run(
                superuser,
                "owner-role.sql",
                Map.of("database", database, "owner", owner.name(), "owner_password", owner.password()));
        handOver(superuser, owner);
        if (database.equals("accounts")) {
            run(
                    superuser,
                    "relay-role.sql",
                    Map.of("relay", ACCOUNTS_RELAY.name(), "relay_password", ACCOUNTS_RELAY.password()));
        }
    }

    /** Tables, sequences, functions and publications a superuser created (before roles existed), now the owner's. */
    private static void handOver(Connection connection, Role owner) throws SQLException {
        String objects = """
                SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, ?) FROM pg_tables
                 WHERE schemaname = 'public' AND tableowner = current_user
                UNION ALL
                SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', sequencename, ?) FROM pg_sequences
                 WHERE schemaname = 'public' AND sequenceowner = current_user
                UNION ALL
                SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, ?) FROM pg_proc p
                  JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                UNION ALL
                SELECT format('ALTER PUBLICATION %I OWNER TO %I', pubname, ?) FROM pg_publication
                 WHERE pubowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)""";
        try (PreparedStatement query = connection.prepareStatement(objects)) {
            for (int i = 1; i <= 4; i++) {
                query.setString(i, owner.name());
            }
            try (ResultSet statements = query.executeQuery();
                    Statement alter = connection.createStatement()) {
                while (statements.next()) {
                    alter.execute(statements.getString(1));
                }
            }
        }
    }

    /**
     * Runs a file of {@code deploy/postgres}, with its psql variables ({@code :"identifier"}, {@code :'literal'}).
     * A role that exists already is left as it is, so a second run changes nothing.
     */
    private static void run(Connection connection, String file, Map<String, String> variables) throws SQLException {
        String sql =
                Pattern.compile("^--.*$", Pattern.MULTILINE).matcher(read(file)).replaceAll("");
        try (Statement statement = connection.createStatement()) {
            for (String one : sql.split(";", -1)) {
                if (!one.isBlank()) {
                    executeUnlessExisting(statement, substituted(one, variables));
                }
            }
        }
    }

    private static void executeUnlessExisting(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String substituted(String sql, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(sql);
        StringBuilder result = new StringBuilder();
        Map<String, String> quoted = new LinkedHashMap<>();
        while (variable.find()) {
            boolean identifier = variable.group(1) != null;
            String name = identifier ? variable.group(1) : variable.group(2);
            String value = Optional.ofNullable(variables.get(name))
                    .orElseThrow(() -> new IllegalArgumentException("No value for :" + name));
            String replacement = quoted.computeIfAbsent(
                    (identifier ? "i:" : "l:") + name,
                    key -> identifier ? quoteIdentifier(value) : quoteLiteral(value));
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(result);
        return result.toString();
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static String read(String file) {
        try (InputStream in = ServiceRoles.class.getResourceAsStream("/postgres/" + file)) {
            if (in == null) {
                throw new IllegalStateException("postgres/" + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
