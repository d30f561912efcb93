package dev.tasksandbox.projects.domain;

public final class ProjectHasIncompleteTasks extends ProjectsError {

    public ProjectHasIncompleteTasks(long incompleteTasks) {
        super("Project has " + incompleteTasks + " incomplete task" + (incompleteTasks == 1 ? "" : "s"));
    }
}
