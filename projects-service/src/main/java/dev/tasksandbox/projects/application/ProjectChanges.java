package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ConcurrentChange;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way a use case changes a project: load it (only the owner's), apply a behaviour of the aggregate, save
 * it. No transaction spans the three: the save is refused when the project changed since it was loaded
 * (optimistic locking), and then the whole of it runs again on fresh state, a bounded number of times, before the
 * client is told to retry ({@link ConcurrentChange}, a 409).
 */
public final class ProjectChanges {

    private final Projects projects;
    private final ConcurrencyPolicy policy;

    public ProjectChanges(Projects projects, ConcurrencyPolicy policy) {
        this.projects = projects;
        this.policy = policy;
    }

    /** Applies {@code change} and saves; emits what the change returned. */
    public <T> Mono<T> apply(UserId owner, ProjectId id, Function<Project, T> change) {
        return withRetries(id, load(owner, id).flatMap(project -> {
            T result = change.apply(project);
            return projects.save(project).thenReturn(result);
        }));
    }

    /** Checks that the project may go, with {@code check}, and deletes it. */
    public Mono<Void> delete(UserId owner, ProjectId id, Consumer<Project> check) {
        return withRetries(id, load(owner, id).flatMap(project -> {
                    check.accept(project);
                    return projects.delete(project).thenReturn(id);
                }))
                .then();
    }

    private Mono<Project> load(UserId owner, ProjectId id) {
        return projects.ownedBy(owner, id).switchIfEmpty(Mono.error(() -> new ProjectNotFound(id)));
    }

    private <T> Mono<T> withRetries(ProjectId id, Mono<T> attempt) {
        return attempt.retryWhen(Retry.backoff(policy.maxRetries(), policy.firstBackoff())
                .maxBackoff(policy.maxBackoff())
                .jitter(0.5)
                .filter(StaleProject.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> new ConcurrentChange(id)));
    }
}
