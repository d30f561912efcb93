package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.Write;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * A {@link Write} of this package's repositories: one statement of data-modifying CTEs that changes data only
 * where a {@link Guard} holds, and whose one row, {@code written}, counts the rows it wrote, 0 when the guard
 * did not hold. On its own the guard is {@code true}; the inbox guards it with "this event is new".
 */
final class SqlWrite implements Write {

    /**
     * What decides whether the write happens: CTEs that come first in the statement, each followed by a comma, a
     * condition on them, and the values they bind.
     */
    record Guard(String ctes, String condition, UnaryOperator<GenericExecuteSpec> binds) {

        static final Guard NONE = new Guard("", "true", UnaryOperator.identity());
    }

    private final Function<Guard, GenericExecuteSpec> statement;

    /** @param statement the write's statement, with the guard's CTEs first and its condition in its WHERE */
    SqlWrite(Function<Guard, GenericExecuteSpec> statement) {
        this.statement = statement;
    }

    /** The write of this package that a port was handed; the application has no other kind. */
    static SqlWrite of(Write write) {
        if (write instanceof SqlWrite sql) {
            return sql;
        }
        throw new IllegalArgumentException("Not a write of the R2DBC repositories: " + write);
    }

    @Override
    public Mono<Void> apply() {
        return applyWhere(Guard.NONE).then();
    }

    /** Makes the change if {@code guard} holds, in one statement; emits whether it did. */
    Mono<Boolean> applyWhere(Guard guard) {
        return guard.binds()
                .apply(statement.apply(guard))
                .map(row -> row.get("written", Long.class))
                .one()
                .map(written -> written > 0);
    }
}
