package dev.tasksandbox.projects.infrastructure.persistence;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binds a value that may be null, which R2DBC needs to know the type of. */
final class Binding {

    private Binding() {
    }

    static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
