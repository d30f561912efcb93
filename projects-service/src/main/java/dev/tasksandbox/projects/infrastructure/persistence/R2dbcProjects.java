package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.application.StaleProject;
import dev.tasksandbox.projects.domain.IncompleteTaskLimit;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import dev.tasksandbox.projects.domain.Task;
import dev.tasksandbox.projects.domain.TaskName;
import dev.tasksandbox.projects.domain.TaskNumber;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Maps the {@link Project} aggregate to the {@code projects} and {@code tasks} tables by hand. Every write checks
 * and bumps {@code version}, so a write based on a stale read fails instead of overwriting (optimistic locking).
 * A project and its tasks are one aggregate, so each write is one transaction, or part of the caller's.
 */
@Repository
class R2dbcProjects implements Projects {

    private static final String TASK_ROWS = "unnest(:numbers::integer[], :names::varchar[], :completions::timestamptz[])";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcProjects(DatabaseClient database, TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
    }

    @Override
    public Mono<Void> add(Project project) {
        return insert(project, null).then();
    }

    @Override
    public Mono<Boolean> addOnce(UUID cause, Project project) {
        return insert(project, cause).map(inserted -> inserted > 0);
    }

    /**
     * One statement, so one round trip and atomic by itself: the project, its tasks and, when it is the effect of
     * an event, the record of that event, with data-modifying CTEs. With a {@code cause} already recorded, nothing
     * is inserted. Emits the number of projects inserted, 0 or 1.
     */
    private Mono<Long> insert(Project project, UUID cause) {
        StringBuilder sql = new StringBuilder("WITH ");
        if (cause != null) {
            sql.append("""
                    first_delivery AS (
                        INSERT INTO processed_events (event_id) VALUES (:cause) ON CONFLICT DO NOTHING RETURNING event_id),
                    """);
        }
        sql.append("""
                project AS (
                    INSERT INTO projects (id, owner_id, name, archived, max_incomplete_tasks, last_task_number, version)
                    SELECT :id, :owner, :name, :archived, :maxIncomplete, :lastTaskNumber, 0""")
                .append(cause != null ? " FROM first_delivery" : "")
                .append(" RETURNING id)");
        if (!project.tasks().isEmpty()) {
            sql.append(", task AS (INSERT INTO tasks (project_id, number, name, completed_at) "
                    + "SELECT project.id, task.* FROM project, " + TASK_ROWS + " AS task)");
        }
        sql.append(" SELECT count(*) AS inserted FROM project");
        GenericExecuteSpec insert = database.sql(sql.toString())
                .bind("id", project.id().value())
                .bind("owner", project.owner().value())
                .bind("name", project.name().value())
                .bind("archived", project.isArchived())
                .bind("lastTaskNumber", lastTaskNumber(project));
        if (cause != null) {
            insert = insert.bind("cause", cause);
        }
        if (!project.tasks().isEmpty()) {
            insert = bindTasks(insert, project.tasks());
        }
        return SqlValues.bindNullable(insert, "maxIncomplete", project.incompleteTaskLimit().maximum(), Integer.class)
                .map(row -> row.get("inserted", Long.class))
                .one();
    }

    @Override
    public Mono<Project> ownedBy(UserId owner, ProjectId id) {
        Mono<List<Task>> tasks = database.sql("SELECT number, name, completed_at FROM tasks WHERE project_id = :id ORDER BY number")
                .bind("id", id.value())
                .map(row -> Task.restore(new TaskNumber(row.get("number", Integer.class)),
                        new TaskName(row.get("name", String.class)), SqlValues.instant(row, "completed_at")))
                .all()
                .collectList();
        return database.sql("""
                        SELECT name, archived, max_incomplete_tasks, last_task_number, version
                        FROM projects WHERE id = :id AND owner_id = :owner""")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(ProjectRow::of)
                .one()
                .flatMap(row -> tasks.map(loaded -> row.toProject(id, owner, loaded)));
    }

    @Override
    public Mono<Void> save(Project project) {
        GenericExecuteSpec update = database.sql("""
                        UPDATE projects SET name = :name, archived = :archived, max_incomplete_tasks = :maxIncomplete,
                               last_task_number = :lastTaskNumber, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bind("id", project.id().value())
                .bind("version", project.version())
                .bind("name", project.name().value())
                .bind("archived", project.isArchived())
                .bind("lastTaskNumber", lastTaskNumber(project));
        return SqlValues.bindNullable(update, "maxIncomplete", project.incompleteTaskLimit().maximum(), Integer.class)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? writeTasks(project) : Mono.error(new StaleProject()))
                .as(transaction::transactional);
    }

    @Override
    public Mono<Void> delete(Project project) {
        // Tasks go with their project (ON DELETE CASCADE).
        return database.sql("DELETE FROM projects WHERE id = :id AND version = :version")
                .bind("id", project.id().value())
                .bind("version", project.version())
                .fetch().rowsUpdated()
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty() : Mono.error(new StaleProject()));
    }

    /**
     * Writes every task in one statement, one round trip however many there are. The version check above has
     * already made sure nobody else wrote this project since it was read.
     */
    private Mono<Void> writeTasks(Project project) {
        if (project.tasks().isEmpty()) {
            return Mono.empty();
        }
        return bindTasks(database.sql("""
                        INSERT INTO tasks (project_id, number, name, completed_at)
                        SELECT :project, * FROM %s
                        ON CONFLICT (project_id, number)
                        DO UPDATE SET name = excluded.name, completed_at = excluded.completed_at
                        WHERE (tasks.name, tasks.completed_at) IS DISTINCT FROM (excluded.name, excluded.completed_at)"""
                        .formatted(TASK_ROWS)), project.tasks())
                .bind("project", project.id().value())
                .then();
    }

    /** The tasks as three arrays, one row each once unnested by {@link #TASK_ROWS}. */
    private static GenericExecuteSpec bindTasks(GenericExecuteSpec statement, List<Task> tasks) {
        Integer[] numbers = tasks.stream().map(task -> task.number().value()).toArray(Integer[]::new);
        String[] names = tasks.stream().map(task -> task.name().value()).toArray(String[]::new);
        OffsetDateTime[] completions = tasks.stream()
                .map(task -> task.completedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null))
                .toArray(OffsetDateTime[]::new);
        return statement.bind("numbers", numbers).bind("names", names).bind("completions", completions);
    }

    /** The project's own columns, read while the row is alive. */
    private record ProjectRow(String name, boolean archived, Integer maxIncomplete, int lastTaskNumber, long version) {

        static ProjectRow of(Readable row) {
            return new ProjectRow(row.get("name", String.class), row.get("archived", Boolean.class),
                    row.get("max_incomplete_tasks", Integer.class), row.get("last_task_number", Integer.class),
                    row.get("version", Long.class));
        }

        Project toProject(ProjectId id, UserId owner, List<Task> tasks) {
            return Project.restore(id, owner, new ProjectName(name), archived, new IncompleteTaskLimit(maxIncomplete),
                    tasks, lastTaskNumber == 0 ? null : new TaskNumber(lastTaskNumber), version);
        }
    }

    private static int lastTaskNumber(Project project) {
        return project.lastTaskNumber().map(TaskNumber::value).orElse(0);
    }

}
