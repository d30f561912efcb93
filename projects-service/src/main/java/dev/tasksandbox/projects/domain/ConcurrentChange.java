package dev.tasksandbox.projects.domain;

/** The project kept changing under this write, beyond the retries allowed; the client may try again. */
public final class ConcurrentChange extends ProjectsError {

    public ConcurrentChange(ProjectId project) {
        super("Project " + project + " was changed concurrently; please retry");
    }
}
