package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import reactor.core.publisher.Mono;

/** Use case: a user reopens a task. */
public final class IncompleteTask {

    private final ProjectChanges changes;

    public IncompleteTask(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<Void> handle(UserId owner, ProjectId project, TaskNumber task) {
        return changes.apply(owner, project, p -> {
                    p.incompleteTask(task);
                    return task;
                })
                .then();
    }
}
