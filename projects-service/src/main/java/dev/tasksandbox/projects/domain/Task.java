package dev.tasksandbox.projects.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A task of a project. Only its {@link Project} changes it. */
public final class Task {

    private final TaskNumber number;
    private final TaskName name;
    private @Nullable Instant completedAt;

    Task(TaskNumber number, TaskName name, @Nullable Instant completedAt) {
        this.number = Objects.requireNonNull(number);
        this.name = Objects.requireNonNull(name);
        this.completedAt = completedAt;
    }

    public TaskNumber number() {
        return number;
    }

    public TaskName name() {
        return name;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    /** Completing twice keeps the first completion time. */
    void complete(Instant at) {
        if (completedAt == null) {
            completedAt = Objects.requireNonNull(at);
        }
    }

    void incomplete() {
        completedAt = null;
    }

    /** Rebuilds a stored task; tasks are otherwise created by their project. */
    public static Task restore(TaskNumber number, TaskName name, @Nullable Instant completedAt) {
        return new Task(number, name, completedAt);
    }
}
