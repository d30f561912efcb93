package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import reactor.core.publisher.Mono;

/** Use case: a user sets a finished project aside. */
public final class ArchiveProject {

    private final ProjectChanges changes;

    public ArchiveProject(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<Void> handle(UserId owner, ProjectId project) {
        return changes.apply(owner, project, p -> {
                    p.archive();
                    return project;
                })
                .then();
    }
}
