package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.domain.Task;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Values that may be null, going into and coming out of SQL, in one place for the adapters of this package. */
final class SqlValues {

    private SqlValues() {}

    /** Binds a value that may be null, which R2DBC needs to know the type of. */
    static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** When each task was completed, null for an open one: a {@code timestamptz[]} parameter. */
    static OffsetDateTime[] completionTimes(List<Task> tasks) {
        return tasks.stream()
                .map(task -> task.completedAt()
                        .map(at -> at.atOffset(ZoneOffset.UTC))
                        .orElse(null))
                .toArray(OffsetDateTime[]::new);
    }

    /** A {@code timestamptz} column that may be null. */
    static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
