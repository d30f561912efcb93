package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import reactor.core.publisher.Mono;

/** Use case: a user starts a project. */
public final class CreateProject {

    public record Command(UserId owner, ProjectName name) {}

    private final Projects projects;

    public CreateProject(Projects projects) {
        this.projects = projects;
    }

    public Mono<ProjectId> handle(Command command) {
        Project project = Project.create(ProjectId.newId(), command.owner(), command.name());
        return projects.add(project).thenReturn(project.id());
    }
}
