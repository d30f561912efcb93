package dev.tasksandbox.projects.domain;

public final class IncompleteTaskLimitReached extends ProjectsError {

    public IncompleteTaskLimitReached(int limit) {
        super("Project already has the maximum of " + limit + " incomplete tasks");
    }
}
