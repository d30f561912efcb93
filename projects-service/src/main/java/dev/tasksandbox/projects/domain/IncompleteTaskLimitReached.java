package dev.tasksandbox.projects.domain;

public final class IncompleteTaskLimitReached extends ProjectsError {

    public IncompleteTaskLimitReached(IncompleteTaskLimit limit) {
        super("Project already has the maximum of " + limit.maximum() + " incomplete tasks");
    }
}
