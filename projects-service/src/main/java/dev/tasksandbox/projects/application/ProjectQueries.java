package dev.tasksandbox.projects.application;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The read side: each query selects exactly what its answer shows, without loading aggregates. Every query sees
 * only the caller's projects; another user's project is as absent as a missing one.
 */
public interface ProjectQueries {

    record ProjectSummary(UUID id, String name, boolean archived) {}

    /** A page of projects, oldest first; {@code nextAfter} is the cursor of the next page, null on the last. */
    record ProjectPage(
            List<ProjectSummary> projects, @Nullable UUID nextAfter) {}

    record ProjectDetails(
            UUID id,
            String name,
            boolean archived,
            @Nullable Integer maxIncompleteTasks) {}

    record TaskView(int number, String name, @Nullable Instant completedAt) {}

    /** Fails with InvalidInput when {@code after} is not one of the owner's projects. */
    Mono<ProjectPage> projects(UserId owner, int limit, @Nullable ProjectId after);

    Mono<ProjectDetails> project(UserId owner, ProjectId id);

    /** Empty when the project is not the owner's. */
    Mono<List<TaskView>> tasks(UserId owner, ProjectId id);

    Mono<TaskView> task(UserId owner, ProjectId id, TaskNumber number);
}
