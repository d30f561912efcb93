package dev.tasksandbox.projects.infrastructure.persistence;

import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.Task;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Maps the {@link Project} aggregate to the {@code projects} and {@code tasks} tables by hand. */
@Repository
class R2dbcProjects implements Projects {

    private final DatabaseClient database;

    R2dbcProjects(DatabaseClient database) {
        this.database = database;
    }

    /** Must run inside a transaction: the project and its tasks are one aggregate. */
    @Override
    public Mono<Void> add(Project project) {
        GenericExecuteSpec insert = database.sql("""
                        INSERT INTO projects (id, owner_id, name, archived, max_incomplete_tasks, last_task_number, version)
                        VALUES (:id, :owner, :name, :archived, :maxIncomplete, :lastTaskNumber, 0)""")
                .bind("id", project.id().value())
                .bind("owner", project.owner().value())
                .bind("name", project.name().value())
                .bind("archived", project.isArchived())
                .bind("lastTaskNumber", project.lastTaskNumber().map(TaskNumber::value).orElse(0));
        Mono<Void> insertProject = Binding.nullable(insert, "maxIncomplete",
                project.maxIncompleteTasks().orElse(null), Integer.class).then();
        return insertProject.then(insertTasks(project));
    }

    /** All tasks in one statement: one round trip however many tasks the project starts with. */
    private Mono<Void> insertTasks(Project project) {
        List<Task> tasks = project.tasks();
        if (tasks.isEmpty()) {
            return Mono.empty();
        }
        Integer[] numbers = tasks.stream().map(task -> task.number().value()).toArray(Integer[]::new);
        String[] names = tasks.stream().map(task -> task.name().value()).toArray(String[]::new);
        OffsetDateTime[] completions = tasks.stream()
                .map(task -> task.completedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null))
                .toArray(OffsetDateTime[]::new);
        return database.sql("""
                        INSERT INTO tasks (project_id, number, name, completed_at)
                        SELECT :project, * FROM unnest(:numbers::integer[], :names::varchar[], :completions::timestamptz[])""")
                .bind("project", project.id().value())
                .bind("numbers", numbers)
                .bind("names", names)
                .bind("completions", completions)
                .then();
    }
}
