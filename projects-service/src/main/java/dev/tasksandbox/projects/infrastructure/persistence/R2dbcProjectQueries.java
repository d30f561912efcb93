package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.kernel.InvalidInput;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.ProjectQueries;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.TaskNumber;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
     * One round trip and one row: the owner's project with its tasks as three arrays in task order. No row means
     * no such project of the owner's; empty arrays, a project without tasks. One row instead of one per task: every
     * row costs its decoding, its trip through the driver's observation proxy and Reactor's context restoring,
     * which were a tenth of a read's CPU for ten tasks.
     */
    @Override
    public Mono<List<TaskView>> tasks(UserId owner, ProjectId id) {
        return database.sql("""
                        SELECT coalesce(array_agg(t.number ORDER BY t.number) FILTER (WHERE t.number IS NOT NULL),
                                        '{}') AS numbers,
                               coalesce(array_agg(t.name ORDER BY t.number) FILTER (WHERE t.number IS NOT NULL),
                                        '{}') AS names,
                               coalesce(array_agg(t.completed_at ORDER BY t.number) FILTER (WHERE t.number IS NOT NULL),
                                        '{}') AS completed_at
                        FROM projects p LEFT JOIN tasks t ON t.project_id = p.id
                        WHERE p.id = :id AND p.owner_id = :owner GROUP BY p.id""")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(R2dbcProjectQueries::tasks)
                .one();
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

    private static List<TaskView> tasks(Readable row) {
        Integer[] numbers = array(row, "numbers", Integer[].class);
        String[] names = array(row, "names", String[].class);
        OffsetDateTime[] completedAt = array(row, "completed_at", OffsetDateTime[].class);
        List<TaskView> tasks = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            tasks.add(new TaskView(numbers[i], names[i], completedAt[i] == null ? null : completedAt[i].toInstant()));
        }
        return tasks;
    }

    /** An array column the query never leaves null ({@code coalesce}); its elements may be. */
    private static <T> T array(Readable row, String column, Class<T> type) {
        return Objects.requireNonNull(row.get(column, type), column);
    }

    private static TaskView task(Readable row) {
        return new TaskView(
                row.get("number", Integer.class),
                row.get("name", String.class),
                SqlValues.instant(row, "completed_at"));
    }
}
