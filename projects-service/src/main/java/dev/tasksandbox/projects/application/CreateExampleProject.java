package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.projects.domain.ExampleProject;
import dev.tasksandbox.projects.domain.ProjectId;
import reactor.core.publisher.Mono;

/**
 * Use case: a user account was created in accounts-service, so the user gets the example project.
 * Delivery is at least once; the event id is recorded in the same transaction as the project, so a
 * redelivery finds it recorded and changes nothing.
 */
public final class CreateExampleProject {

    public enum Outcome { CREATED, ALREADY_PROCESSED }

    private final Projects projects;
    private final ProcessedEvents processedEvents;
    private final Transactions transactions;

    public CreateExampleProject(Projects projects, ProcessedEvents processedEvents, Transactions transactions) {
        this.projects = projects;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    public Mono<Outcome> handle(UserAccountCreated event) {
        return transactions.inTransaction(processedEvents.recordFirstDelivery(event.eventId())
                .flatMap(first -> first
                        ? projects.add(ExampleProject.forNewUser(ProjectId.newId(), event.user(), event.occurredAt()))
                                .thenReturn(Outcome.CREATED)
                        : Mono.just(Outcome.ALREADY_PROCESSED)));
    }
}
