package dev.tasksandbox.projects.domain;

import dev.tasksandbox.kernel.InvalidValueException;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** How many incomplete tasks a project may have at once; {@link #NONE} for no limit. */
public record IncompleteTaskLimit(@Nullable Integer maximum) {

    public static final IncompleteTaskLimit NONE = new IncompleteTaskLimit(null);

    public IncompleteTaskLimit {
        if (maximum != null && maximum < 0) {
            throw new InvalidValueException("maxIncompleteTasks", "must be 0 or more, or null for no limit");
        }
    }

    public boolean allows(long incompleteTasks) {
        return maximum == null || incompleteTasks <= maximum;
    }

    public OptionalInt value() {
        return maximum == null ? OptionalInt.empty() : OptionalInt.of(maximum);
    }
}
