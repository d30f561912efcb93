package dev.tasksandbox.projects.domain;

/** No such project, or one of another user: the two are answered alike, so ids of others leak nothing. */
public final class ProjectNotFound extends ProjectsError {

    public ProjectNotFound(ProjectId project) {
        super("Project " + project + " not found");
    }
}
