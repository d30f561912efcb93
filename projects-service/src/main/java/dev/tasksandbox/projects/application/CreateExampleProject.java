package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ExampleProject;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    /** One event, in a statement of its own: how a registration arrives when there is no backlog. */
    public Mono<Outcome> handle(Command command) {
        Write addExample =
                projects.adding(ExampleProject.forNewUser(ProjectId.newId(), command.user(), command.registeredAt()));
        return inbox.once(command.eventId(), addExample)
                .map(tookEffect -> tookEffect ? Outcome.CREATED : Outcome.ALREADY_PROCESSED);
    }

    /**
     * The news of several new accounts, handled together (a consumer drains a backlog this way): one outcome per
     * command, in order. An event delivered twice in one batch takes effect once, the first time.
     */
    public Mono<List<Outcome>> handleAll(List<Command> commands) {
        Map<UUID, Command> byEvent = new LinkedHashMap<>();
        commands.forEach(command -> byEvent.putIfAbsent(command.eventId(), command));
        List<Project> examples = byEvent.values().stream()
                .map(command -> ExampleProject.forNewUser(ProjectId.newId(), command.user(), command.registeredAt()))
                .toList();
        return inbox.onceEach(List.copyOf(byEvent.keySet()), projects.addingEach(examples))
                .map(tookEffect -> outcomes(commands, new HashSet<>(tookEffect)));
    }

    private static List<Outcome> outcomes(List<Command> commands, Set<UUID> tookEffect) {
        return commands.stream()
                .map(command -> tookEffect.remove(command.eventId()) ? Outcome.CREATED : Outcome.ALREADY_PROCESSED)
                .toList();
    }
}
