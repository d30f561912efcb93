package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import reactor.core.publisher.Mono;

/** Use case: a user takes an archived project up again. */
public final class UnarchiveProject {

    private final ProjectChanges changes;

    public UnarchiveProject(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<Void> handle(UserId owner, ProjectId project) {
        return changes.apply(owner, project, p -> {
                    p.unarchive();
                    return project;
                })
                .then();
    }
}
