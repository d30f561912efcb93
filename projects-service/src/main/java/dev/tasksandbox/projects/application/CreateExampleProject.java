package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ExampleProject;
import dev.tasksandbox.projects.domain.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Use case: a user account was created in accounts-service, so the user gets the example project, once, however
 * often the news is delivered.
 */
public final class CreateExampleProject {

    /**
     * The news of a new account.
     *
     * @param eventId      the id of the event that brought the news, which the inbox records
     * @param user         the new user
     * @param registeredAt when the account was created: the example's first task was completed then
     */
    public record Command(UUID eventId, UserId user, Instant registeredAt) {
        public Command {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(registeredAt, "registeredAt");
        }
    }

    public enum Outcome {
        CREATED,
        ALREADY_PROCESSED
    }

    private final Projects projects;
    private final Inbox inbox;

    public CreateExampleProject(Projects projects, Inbox inbox) {
        this.projects = projects;
        this.inbox = inbox;
    }

    public Mono<Outcome> handle(Command command) {
        Write addExample =
                projects.adding(ExampleProject.forNewUser(ProjectId.newId(), command.user(), command.registeredAt()));
        return inbox.once(command.eventId(), addExample)
                .map(tookEffect -> tookEffect ? Outcome.CREATED : Outcome.ALREADY_PROCESSED);
    }
}
