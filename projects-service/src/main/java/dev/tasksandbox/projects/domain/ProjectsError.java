package dev.tasksandbox.projects.domain;

/** A rule of the projects context was broken. The web layer maps each kind to one HTTP status. */
public abstract sealed class ProjectsError extends RuntimeException
        permits ProjectIsArchived,
                ProjectNotArchived,
                ProjectHasIncompleteTasks,
                IncompleteTaskLimitReached,
                TaskNotFound,
                ProjectNotFound,
                ConcurrentChange {

    protected ProjectsError(String message) {
        super(message, null, false, false);
    }
}
