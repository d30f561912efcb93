package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Use case: a user marks a task done. */
public final class CompleteTask {

    private final ProjectChanges changes;
    private final Clock clock;

    public CompleteTask(ProjectChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Mono<Void> handle(UserId owner, ProjectId project, TaskNumber task) {
        return changes.apply(owner, project, p -> {
                    p.completeTask(task, clock.instant());
                    return task;
                })
                .then();
    }
}
