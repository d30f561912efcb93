package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskName;
import dev.tasksandbox.projects.domain.TaskNumber;
import reactor.core.publisher.Mono;

/** Use case: a user adds a task to a project; it gets the next number. */
public final class AddTask {

    public record Command(UserId owner, ProjectId project, TaskName name) {}

    private final ProjectChanges changes;

    public AddTask(ProjectChanges changes) {
        this.changes = changes;
    }

    public Mono<TaskNumber> handle(Command command) {
        return changes.apply(command.owner(), command.project(), project -> project.addTask(command.name()));
    }
}
