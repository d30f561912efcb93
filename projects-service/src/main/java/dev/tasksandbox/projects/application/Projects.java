package dev.tasksandbox.projects.application;

import dev.tasksandbox.projects.domain.Project;
import reactor.core.publisher.Mono;

/** The repository of projects; loads and saves whole aggregates, tasks included. */
public interface Projects {

    Mono<Void> add(Project project);
}
