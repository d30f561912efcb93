package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import java.util.List;
import reactor.core.publisher.Mono;

/** The repository of projects; loads and saves whole aggregates, tasks included. */
public interface Projects {

    /** A new project, to be added on its own ({@link #add}) or as the effect of an event ({@link Inbox}). */
    Write adding(Project project);

    /** New projects, each to be added as the effect of its own event ({@link Inbox#onceEach}). */
    Writes addingEach(List<Project> projects);

    default Mono<Void> add(Project project) {
        return adding(project).apply();
    }

    /** The project if it exists and belongs to {@code owner}; empty otherwise, whichever the reason. */
    Mono<Project> ownedBy(UserId owner, ProjectId id);

    /** Saves a changed project; fails with {@link StaleProject} when it changed since it was loaded. */
    Mono<Void> save(Project project);

    /** Deletes a project for good; fails with {@link StaleProject} when it changed since it was loaded. */
    Mono<Void> delete(Project project);
}
