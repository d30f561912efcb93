package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.projects.domain.ExampleProject;
import dev.tasksandbox.projects.domain.ProjectId;
import reactor.core.publisher.Mono;

/**
 * Use case: a user account was created in accounts-service, so the user gets the example project.
 * Delivery is at least once; the event id is recorded in the same atomic write as the project, so a
 * redelivery finds it recorded and changes nothing.
 */
public final class CreateExampleProject {

    public enum Outcome {
        CREATED,
        ALREADY_PROCESSED
    }

    private final Projects projects;

    public CreateExampleProject(Projects projects) {
        this.projects = projects;
    }

    public Mono<Outcome> handle(UserAccountCreated event) {
        return projects.addOnce(
                        event.eventId(), ExampleProject.forNewUser(ProjectId.newId(), event.user(), event.occurredAt()))
                .map(added -> added ? Outcome.CREATED : Outcome.ALREADY_PROCESSED);
    }
}
