package dev.tasksandbox.projects.domain;

public final class ProjectHasIncompleteTasks extends ProjectsError {

    public ProjectHasIncompleteTasks(long incompleteTasks) {
        // The wording is the API's contract (SPEC: "Project has N incomplete tasks"), so it does not vary with N.
        super("Project has " + incompleteTasks + " incomplete tasks");
    }
}
