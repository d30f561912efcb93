package dev.tasksandbox.projects.domain;

/** A rule of the projects context was broken. The web layer maps each kind to one HTTP status. */
public abstract sealed class ProjectsError extends RuntimeException
        permits ProjectIsArchived, IncompleteTaskLimitReached, TaskNotFound {

    protected ProjectsError(String message) {
        super(message, null, false, false);
    }
}
