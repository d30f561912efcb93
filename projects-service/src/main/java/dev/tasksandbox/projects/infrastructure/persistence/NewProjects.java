package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.Task;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Many new projects with their tasks in one statement, from arrays: the projects numbered {@code n} in order, each
 * written where the guard's condition on its {@code n} holds, the tasks written for the projects that were. It
 * returns the {@code n} of each project written ({@link SqlWrites}).
 */
final class NewProjects {

    private static final String STATEMENT = """
            new_project AS (
                SELECT * FROM unnest(:ids::uuid[], :owners::uuid[], :names::varchar[], :archived::boolean[],
                                     :maxIncomplete::integer[], :lastTaskNumbers::integer[])
                WITH ORDINALITY AS p (id, owner_id, name, archived, max_incomplete_tasks, last_task_number, n)),
            project AS (
                INSERT INTO projects (id, owner_id, name, archived, max_incomplete_tasks, last_task_number, version)
                SELECT id, owner_id, name, archived, max_incomplete_tasks, last_task_number, 0
                FROM new_project WHERE %s RETURNING id),
            written_tasks AS (
                INSERT INTO tasks (project_id, number, name, completed_at)
                SELECT task.* FROM unnest(:taskProjects::uuid[], :numbers::integer[], :taskNames::varchar[],
                                          :completions::timestamptz[]) AS task (project_id, number, name, completed_at)
                WHERE task.project_id IN (SELECT id FROM project))
            SELECT n FROM new_project WHERE id IN (SELECT id FROM project) ORDER BY n""";

    private NewProjects() {}

    static GenericExecuteSpec statement(DatabaseClient database, List<Project> projects, SqlWrite.Guard guard) {
        List<Task> tasks =
                projects.stream().flatMap(project -> project.tasks().stream()).toList();
        return database.sql("WITH " + guard.ctes() + STATEMENT.formatted(guard.condition()))
                .bind("ids", column(projects, project -> project.id().value(), UUID[]::new))
                .bind("owners", column(projects, project -> project.owner().value(), UUID[]::new))
                .bind("names", column(projects, project -> project.name().value(), String[]::new))
                .bind("archived", column(projects, Project::isArchived, Boolean[]::new))
                .bind(
                        "maxIncomplete",
                        column(
                                projects,
                                project -> project.incompleteTaskLimit().maximum(),
                                Integer[]::new))
                .bind(
                        "lastTaskNumbers",
                        column(
                                projects,
                                project -> project.lastTaskNumber()
                                        .map(TaskNumber::value)
                                        .orElse(0),
                                Integer[]::new))
                .bind(
                        "taskProjects",
                        projects.stream()
                                .flatMap(project -> project.tasks().stream()
                                        .map(task -> project.id().value()))
                                .toArray(UUID[]::new))
                .bind("numbers", column(tasks, task -> task.number().value(), Integer[]::new))
                .bind("taskNames", column(tasks, task -> task.name().value(), String[]::new))
                .bind("completions", SqlValues.completionTimes(tasks));
    }

    /** One array parameter: a value of each row, in order. */
    private static <R, V> V[] column(List<R> rows, Function<R, V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
