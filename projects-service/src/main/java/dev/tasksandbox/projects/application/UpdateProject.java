package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.IncompleteTaskLimit;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import reactor.core.publisher.Mono;

/** Use case: a user renames a project and sets its limit on incomplete tasks. */
public final class UpdateProject {

    public record Command(UserId owner, ProjectId project, ProjectName name, IncompleteTaskLimit limit) {}

    private final ProjectChanges changes;

    public UpdateProject(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<Void> handle(Command command) {
        return changes.apply(command.owner(), command.project(), project -> {
                    project.update(command.name(), command.limit());
                    return project.id();
                })
                .then();
    }
}
