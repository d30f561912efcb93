package dev.tasksandbox.testkit;

import dev.tasksandbox.localstack.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What an operator does to a service's database as its superuser, for tests that do it to the running system:
 * drop or advance a replication slot, change a setting. The services themselves connect as roles that may not.
 */
public final class DatabaseOperator {

    private final String database;

    private DatabaseOperator(String database) {
        this.database = database;
    }

    /** The operator of the test JVM's database {@code database}. */
    public static DatabaseOperator of(String database) {
        return new DatabaseOperator(database);
    }

    /** Runs one statement, with {@code ?} parameters, outside any transaction (ALTER SYSTEM needs that). */
    public void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepared(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("As the operator: " + sql, e);
        }
    }

    /** The first column of the first row of a query, with {@code ?} parameters. */
    public String queryString(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("No row: " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("As the operator: " + sql, e);
        }
    }

    private Connection connect() throws SQLException {
        Infrastructure infrastructure = SharedInfrastructure.get();
        return DriverManager.getConnection(
                infrastructure.jdbcUrl(database), infrastructure.postgresUser(), infrastructure.postgresPassword());
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
