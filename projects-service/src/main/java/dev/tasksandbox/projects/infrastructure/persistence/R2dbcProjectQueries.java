package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.ProjectQueries;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads straight from the tables into the answers' shapes. Project lists use keyset pagination on
 * {@code (owner_id, position)}: a page deep in the list costs what the first one costs.
 */
@Component
class R2dbcProjectQueries implements ProjectQueries {

    private final DatabaseClient database;

    R2dbcProjectQueries(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<ProjectPage> projects(UserId owner, int limit, @Nullable ProjectId after) {
        Mono<Long> start = after == null
                ? Mono.just(0L)
                : positionOf(owner, after)
                        .switchIfEmpty(Mono.error(() -> new InvalidInput(List.of(
                                new InvalidInput.FieldError("after", "must be the id of one of your projects")))));
        return start.flatMap(position -> database.sql("""
                                SELECT id, name, archived FROM projects
                                WHERE owner_id = :owner AND position > :position
                                ORDER BY position LIMIT :limit""")
                        .bind("owner", owner.value())
                        .bind("position", position)
                        // One more than asked tells whether there is a next page.
                        .bind("limit", limit + 1)
                        .map(row -> new ProjectSummary(
                                row.get("id", UUID.class),
                                row.get("name", String.class),
                                row.get("archived", Boolean.class)))
                        .all()
                        .collectList())
                .map(rows -> rows.size() > limit
                        ? new ProjectPage(
                                rows.subList(0, limit), rows.get(limit - 1).id())
                        : new ProjectPage(rows, null));
    }

    @Override
    public Mono<ProjectDetails> project(UserId owner, ProjectId id) {
        return database.sql(
                        "SELECT name, archived, max_incomplete_tasks FROM projects WHERE id = :id AND owner_id = :owner")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(row -> new ProjectDetails(
                        id.value(),
                        row.get("name", String.class),
                        row.get("archived", Boolean.class),
                        row.get("max_incomplete_tasks", Integer.class)))
                .one();
    }

    /**
     * One round trip: the owner's project joined to its tasks. No row means no such project of the owner's; one
     * row without a task number means a project without tasks.
     */
    @Override
    public Mono<List<TaskView>> tasks(UserId owner, ProjectId id) {
        return database.sql("""
                        SELECT t.number, t.name, t.completed_at FROM projects p
                        LEFT JOIN tasks t ON t.project_id = p.id
                        WHERE p.id = :id AND p.owner_id = :owner ORDER BY t.number""")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(row ->
                        row.get("number", Integer.class) == null ? Optional.<TaskView>empty() : Optional.of(task(row)))
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> rows.stream().flatMap(Optional::stream).toList());
    }

    @Override
    public Mono<TaskView> task(UserId owner, ProjectId id, TaskNumber number) {
        return database.sql("""
                        SELECT t.number, t.name, t.completed_at FROM tasks t JOIN projects p ON p.id = t.project_id
                        WHERE p.id = :id AND p.owner_id = :owner AND t.number = :number""")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .bind("number", number.value())
                .map(R2dbcProjectQueries::task)
                .one();
    }

    private Mono<Long> positionOf(UserId owner, ProjectId project) {
        return database.sql("SELECT position FROM projects WHERE id = :id AND owner_id = :owner")
                .bind("id", project.value())
                .bind("owner", owner.value())
                .map(row -> row.get("position", Long.class))
                .one();
    }

    private static TaskView task(Readable row) {
        return new TaskView(
                row.get("number", Integer.class),
                row.get("name", String.class),
                SqlValues.instant(row, "completed_at"));
    }
}
