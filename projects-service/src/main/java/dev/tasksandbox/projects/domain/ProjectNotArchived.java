package dev.tasksandbox.projects.domain;

public final class ProjectNotArchived extends ProjectsError {

    public ProjectNotArchived(ProjectId project) {
        super("Project " + project + " is not archived");
    }
}
