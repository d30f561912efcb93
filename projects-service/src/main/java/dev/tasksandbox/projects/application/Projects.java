package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The repository of projects; loads and saves whole aggregates, tasks included. */
public interface Projects {

    Mono<Void> add(Project project);

    /**
     * Adds the project as the effect of the integration event {@code cause}, unless that event took effect
     * before: emits true when added, false for a redelivered event. Recording the event and adding the project
     * are one atomic write, so an event takes effect exactly once however often it is delivered.
     */
    Mono<Boolean> addOnce(UUID cause, Project project);

    /** The project if it exists and belongs to {@code owner}; empty otherwise, whichever the reason. */
    Mono<Project> ownedBy(UserId owner, ProjectId id);

    /** Saves a changed project; fails with {@link StaleProject} when it changed since it was loaded. */
    Mono<Void> save(Project project);

    /** Deletes a project for good; fails with {@link StaleProject} when it changed since it was loaded. */
    Mono<Void> delete(Project project);
}
