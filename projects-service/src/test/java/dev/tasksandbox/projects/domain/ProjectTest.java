package dev.tasksandbox.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.kernel.InvalidValueException;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private final UserId owner = UserId.newId();
    private final Instant monday = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void tasks_are_numbered_from_one_in_the_order_they_are_added() {
        Project project = Project.create(ProjectId.newId(), owner, new ProjectName("Household"));

        assertThat(project.addTask(new TaskName("Clean the house"))).isEqualTo(new TaskNumber(1));
        assertThat(project.addTask(new TaskName("Do the dishes"))).isEqualTo(new TaskNumber(2));
    }

    @Test
    void numbering_continues_after_the_last_number_ever_given() {
        Project project = Project.restore(ProjectId.newId(), owner, new ProjectName("Household"), false, null,
                List.of(), new TaskNumber(7), 3);

        assertThat(project.addTask(new TaskName("Water plants"))).isEqualTo(new TaskNumber(8));
    }

    @Test
    void completing_a_completed_task_keeps_the_first_completion_time() {
        Project project = Project.create(ProjectId.newId(), owner, new ProjectName("Household"));
        TaskNumber task = project.addTask(new TaskName("Clean the house"));

        project.completeTask(task, monday);
        project.completeTask(task, monday.plusSeconds(3600));

        assertThat(project.task(task).orElseThrow().completedAt()).contains(monday);
    }

    @Test
    void completing_a_task_that_does_not_exist_is_refused() {
        Project project = Project.create(ProjectId.newId(), owner, new ProjectName("Household"));

        assertThatThrownBy(() -> project.completeTask(new TaskNumber(1), monday)).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void an_archived_project_accepts_no_new_task() {
        Project archived = Project.restore(ProjectId.newId(), owner, new ProjectName("Old stuff"), true, null,
                List.of(), null, 1);

        assertThatThrownBy(() -> archived.addTask(new TaskName("One more"))).isInstanceOf(ProjectIsArchived.class);
    }

    @Test
    void adding_a_task_beyond_the_incomplete_task_limit_is_refused() {
        Project limited = Project.restore(ProjectId.newId(), owner, new ProjectName("Focused"), false, 1,
                List.of(), null, 0);
        limited.addTask(new TaskName("The one thing"));

        assertThatThrownBy(() -> limited.addTask(new TaskName("Another thing")))
                .isInstanceOf(IncompleteTaskLimitReached.class);
    }

    @Test
    void names_are_four_to_thirty_two_characters_after_trimming() {
        assertThat(new ProjectName("  Home  ").value()).isEqualTo("Home");
        assertThat(new TaskName("x".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> new ProjectName(" abc ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new TaskName("x".repeat(33))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ProjectName(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void task_numbers_start_at_one() {
        assertThatThrownBy(() -> new TaskNumber(0)).isInstanceOf(InvalidValueException.class);
    }
}
