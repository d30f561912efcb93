package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import reactor.core.publisher.Mono;

/** Use case: a user deletes an archived project, for good. */
public final class DeleteProject {

    private final ProjectChanges changes;

    public DeleteProject(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<Void> handle(UserId owner, ProjectId project) {
        return changes.delete(owner, project, Project::checkDeletable);
    }
}
