package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.Write;
import dev.tasksandbox.projects.application.Writes;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The {@link Writes} of this package's repositories: one statement that makes many changes, each row of its input
 * numbered {@code n} (1, 2, ...) in the order of the changes, and written only where a {@link SqlWrite.Guard}'s
 * condition on {@code n} holds. The statement returns the {@code n} of each change it made.
 */
final class SqlWrites implements Writes {

    private final List<? extends Write> each;
    private final Function<SqlWrite.Guard, GenericExecuteSpec> statement;

    /**
     * @param each      the changes one by one, for a caller that makes them apart
     * @param statement all of them in one statement, with the guard's CTEs first and its condition on {@code n}
     */
    SqlWrites(List<? extends Write> each, Function<SqlWrite.Guard, GenericExecuteSpec> statement) {
        this.each = List.copyOf(each);
        this.statement = statement;
    }

    /** The writes of this package that a port was handed; the application has no other kind. */
    static SqlWrites of(Writes writes) {
        if (writes instanceof SqlWrites sql) {
            return sql;
        }
        throw new IllegalArgumentException("Not writes of the R2DBC repositories: " + writes);
    }

    @Override
    public int size() {
        return each.size();
    }

    @Override
    public Write get(int index) {
        return each.get(index);
    }

    /** Makes each change whose {@code n} the guard lets through, in one statement; emits the {@code n} it made. */
    Mono<List<Integer>> applyWhere(SqlWrite.Guard guard) {
        return guard.binds()
                .apply(statement.apply(guard))
                .map(row -> row.get("n", Long.class))
                .all()
                .map(Long::intValue)
                .collectList();
    }
}
