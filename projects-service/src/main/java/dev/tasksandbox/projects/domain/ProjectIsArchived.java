package dev.tasksandbox.projects.domain;

public final class ProjectIsArchived extends ProjectsError {

    public ProjectIsArchived(ProjectId project) {
        super("Project " + project + " is archived");
    }
}
