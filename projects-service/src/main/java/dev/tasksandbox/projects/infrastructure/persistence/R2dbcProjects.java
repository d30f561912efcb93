package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.application.StaleProject;
import dev.tasksandbox.projects.application.Write;
import dev.tasksandbox.projects.application.Writes;
import dev.tasksandbox.projects.domain.IncompleteTaskLimit;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import dev.tasksandbox.projects.domain.Task;
import dev.tasksandbox.projects.domain.TaskName;
import dev.tasksandbox.projects.domain.TaskNumber;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Maps the {@link Project} aggregate to the {@code projects} and {@code tasks} tables by hand. Every write checks
 * and bumps {@code version}, so a write based on a stale read fails instead of overwriting (optimistic locking).
 * A project and its tasks are one aggregate, so each read and each write is one statement: one round trip, and
 * atomic by itself (the writes with data-modifying CTEs), which is why no write needs a transaction around it,
 * and why a new project can be the effect of an event in the inbox's statement ({@link SqlWrite}).
 */
@Repository
class R2dbcProjects implements Projects {

    private static final String TASK_ROWS =
            "unnest(:numbers::integer[], :names::varchar[], :completions::timestamptz[])";
    /** The tasks the aggregate changed are written; unchanged rows are left alone. */
    private static final String UPDATE_CHANGED_TASKS = """
            ON CONFLICT (project_id, number)
            DO UPDATE SET name = excluded.name, completed_at = excluded.completed_at
            WHERE (tasks.name, tasks.completed_at) IS DISTINCT FROM (excluded.name, excluded.completed_at)""";

    private final DatabaseClient database;

    R2dbcProjects(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Write adding(Project project) {
        return new SqlWrite(guard -> write(project, guard.ctes() + """
                                project AS (
                                    INSERT INTO projects (id, owner_id, name, archived, max_incomplete_tasks,
                                                          last_task_number, version)
                                    SELECT :id, :owner, :name, :archived, :maxIncomplete, :lastTaskNumber, 0
                                    WHERE %s RETURNING id)""".formatted(guard.condition()), "")
                .bind("owner", project.owner().value()));
    }

    /** New projects with their tasks in one statement ({@link NewProjects}), each also on its own. */
    @Override
    public Writes addingEach(List<Project> projects) {
        return new SqlWrites(
                projects.stream().map(this::adding).toList(),
                guard -> NewProjects.statement(database, projects, guard));
    }

    /** The project with its tasks, in one query; empty when there is no such project of {@code owner}'s. */
    @Override
    public Mono<Project> ownedBy(UserId owner, ProjectId id) {
        return database.sql("""
                        SELECT p.name, p.archived, p.max_incomplete_tasks, p.last_task_number, p.version,
                               t.number, t.name AS task_name, t.completed_at
                        FROM projects p LEFT JOIN tasks t ON t.project_id = p.id
                        WHERE p.id = :id AND p.owner_id = :owner ORDER BY t.number""")
                .bind("id", id.value())
                .bind("owner", owner.value())
                .map(LoadedRow::of)
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> rows.get(0)
                        .project()
                        .toProject(
                                id,
                                owner,
                                rows.stream()
                                        .flatMap(row -> row.task().stream())
                                        .toList()));
    }

    @Override
    public Mono<Void> save(Project project) {
        GenericExecuteSpec update = write(project, """
                project AS (
                    UPDATE projects SET name = :name, archived = :archived, max_incomplete_tasks = :maxIncomplete,
                           last_task_number = :lastTaskNumber, version = version + 1
                    WHERE id = :id AND version = :version RETURNING id)""", UPDATE_CHANGED_TASKS).bind("version", project.version());
        return rowsWritten(update)
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(new StaleProject()));
    }

    @Override
    public Mono<Void> delete(Project project) {
        // Tasks go with their project (ON DELETE CASCADE).
        return database.sql("DELETE FROM projects WHERE id = :id AND version = :version")
                .bind("id", project.id().value())
                .bind("version", project.version())
                .fetch()
                .rowsUpdated()
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty() : Mono.error(new StaleProject()));
    }

    /**
     * One statement that writes the project's row with {@code projectRow}, a CTE named {@code project} returning
     * its id, and then its tasks (however many, from three arrays), only if the row was written. Binds what every
     * write binds; the caller binds the rest.
     */
    private GenericExecuteSpec write(Project project, String projectRow, String onConflict) {
        List<Task> tasks = project.tasks();
        String writeTasks = tasks.isEmpty()
                ? ""
                : ", written_tasks AS (INSERT INTO tasks (project_id, number, name, "
                        + "completed_at) SELECT project.id, task.* FROM project, " + TASK_ROWS + " AS task "
                        + onConflict + ")";
        GenericExecuteSpec write = database.sql(
                        "WITH " + projectRow + writeTasks + " SELECT count(*) AS written FROM project")
                .bind("id", project.id().value())
                .bind("name", project.name().value())
                .bind("archived", project.isArchived())
                .bind(
                        "lastTaskNumber",
                        project.lastTaskNumber().map(TaskNumber::value).orElse(0));
        if (!tasks.isEmpty()) {
            write = write.bind(
                            "numbers",
                            tasks.stream().map(task -> task.number().value()).toArray(Integer[]::new))
                    .bind(
                            "names",
                            tasks.stream().map(task -> task.name().value()).toArray(String[]::new))
                    .bind("completions", SqlValues.completionTimes(tasks));
        }
        return SqlValues.bindNullable(
                write, "maxIncomplete", project.incompleteTaskLimit().maximum(), Integer.class);
    }

    /** How many project rows the statement wrote, 0 or 1. */
    private static Mono<Long> rowsWritten(GenericExecuteSpec write) {
        return write.map(row -> row.get("written", Long.class)).one();
    }

    /** One row of the load: the project's columns, and one of its tasks if it has any. */
    private record LoadedRow(ProjectRow project, Optional<Task> task) {

        static LoadedRow of(Readable row) {
            Integer number = row.get("number", Integer.class);
            return new LoadedRow(
                    ProjectRow.of(row),
                    number == null
                            ? Optional.empty()
                            : Optional.of(Task.restore(
                                    new TaskNumber(number),
                                    new TaskName(row.get("task_name", String.class)),
                                    SqlValues.instant(row, "completed_at"))));
        }
    }

    /** The project's own columns, read while the row is alive. */
    private record ProjectRow(
            String name, boolean archived, @Nullable Integer maxIncomplete, int lastTaskNumber, long version) {

        static ProjectRow of(Readable row) {
            return new ProjectRow(
                    row.get("name", String.class),
                    row.get("archived", Boolean.class),
                    row.get("max_incomplete_tasks", Integer.class),
                    row.get("last_task_number", Integer.class),
                    row.get("version", Long.class));
        }

        Project toProject(ProjectId id, UserId owner, List<Task> tasks) {
            return Project.restore(
                    id,
                    owner,
                    new ProjectName(name),
                    archived,
                    new IncompleteTaskLimit(maxIncomplete),
                    tasks,
                    lastTaskNumber == 0 ? null : new TaskNumber(lastTaskNumber),
                    version);
        }
    }
}
