package dev.tasksandbox.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.kernel.InvalidValueException;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private final Instant monday = Instant.parse("2026-11-23T09:00:00Z");
    private final Project project = Project.create(ProjectId.newId(), UserId.newId(), new ProjectName("Household"));

    @Test
    void tasks_are_numbered_from_one_in_the_order_they_are_added() {
        assertThat(project.addTask(new TaskName("Clean the house"))).isEqualTo(new TaskNumber(1));
        assertThat(project.addTask(new TaskName("Do the dishes"))).isEqualTo(new TaskNumber(2));
    }

    @Test
    void numbering_continues_after_the_last_number_ever_given() {
        Project stored = Project.restore(
                ProjectId.newId(),
                UserId.newId(),
                new ProjectName("Household"),
                false,
                IncompleteTaskLimit.NONE,
                List.of(),
                new TaskNumber(7),
                3);

        assertThat(stored.addTask(new TaskName("Water plants"))).isEqualTo(new TaskNumber(8));
    }

    @Test
    void completing_a_completed_task_keeps_the_first_completion_time() {
        TaskNumber task = project.addTask(new TaskName("Clean the house"));

        project.completeTask(task, monday);
        project.completeTask(task, monday.plusSeconds(3600));

        assertThat(project.task(task).orElseThrow().completedAt()).contains(monday);
    }

    @Test
    void incompleting_an_incomplete_task_changes_nothing() {
        TaskNumber task = project.addTask(new TaskName("Clean the house"));

        project.incompleteTask(task);

        assertThat(project.task(task).orElseThrow().isComplete()).isFalse();
    }

    @Test
    void incompleting_a_completed_task_reopens_it() {
        TaskNumber task = project.addTask(new TaskName("Clean the house"));
        project.completeTask(task, monday);

        project.incompleteTask(task);

        assertThat(project.task(task).orElseThrow().completedAt()).isEmpty();
    }

    @Test
    void a_task_that_does_not_exist_cannot_be_completed_or_reopened() {
        assertThatThrownBy(() -> project.completeTask(new TaskNumber(1), monday))
                .isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> project.incompleteTask(new TaskNumber(1))).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void a_project_with_incomplete_tasks_cannot_be_archived_and_says_how_many() {
        project.addTask(new TaskName("Clean the house"));
        project.addTask(new TaskName("Do the dishes"));

        assertThatThrownBy(project::archive)
                .isInstanceOf(ProjectHasIncompleteTasks.class)
                .hasMessage("Project has 2 incomplete tasks");
        project.completeTask(TaskNumber.FIRST, monday);
        assertThatThrownBy(project::archive).hasMessage("Project has 1 incomplete tasks");
        assertThat(project.isArchived()).isFalse();
    }

    @Test
    void a_project_without_tasks_can_be_archived() {
        project.archive();

        assertThat(project.isArchived()).isTrue();
    }

    @Test
    void a_project_whose_tasks_are_all_complete_can_be_archived() {
        project.completeTask(project.addTask(new TaskName("Clean the house")), monday);

        project.archive();

        assertThat(project.isArchived()).isTrue();
    }

    @Test
    void an_archived_project_cannot_be_archived_again() {
        project.archive();

        assertThatThrownBy(project::archive).isInstanceOf(ProjectIsArchived.class);
    }

    @Test
    void an_archived_project_accepts_no_rename_new_task_completion_or_reopening() {
        TaskNumber task = project.addTask(new TaskName("Clean the house"));
        project.completeTask(task, monday);
        project.archive();

        assertThatThrownBy(() -> project.update(new ProjectName("Renamed"), IncompleteTaskLimit.NONE))
                .isInstanceOf(ProjectIsArchived.class);
        assertThatThrownBy(() -> project.addTask(new TaskName("One more"))).isInstanceOf(ProjectIsArchived.class);
        assertThatThrownBy(() -> project.completeTask(task, monday)).isInstanceOf(ProjectIsArchived.class);
        assertThatThrownBy(() -> project.incompleteTask(task)).isInstanceOf(ProjectIsArchived.class);
        assertThat(project.name().value()).isEqualTo("Household");
    }

    @Test
    void only_an_archived_project_can_be_unarchived() {
        assertThatThrownBy(project::unarchive).isInstanceOf(ProjectNotArchived.class);
    }

    @Test
    void unarchiving_makes_the_project_changeable_again() {
        project.archive();
        project.unarchive();

        assertThat(project.addTask(new TaskName("Back at it"))).isEqualTo(TaskNumber.FIRST);
    }

    @Test
    void only_an_archived_project_can_be_deleted() {
        assertThatThrownBy(project::checkDeletable).isInstanceOf(ProjectNotArchived.class);

        project.archive();
        project.checkDeletable();
    }

    @Test
    void adding_a_task_beyond_the_incomplete_task_limit_is_refused() {
        project.update(new ProjectName("Focused"), new IncompleteTaskLimit(1));
        project.addTask(new TaskName("The one thing"));

        assertThatThrownBy(() -> project.addTask(new TaskName("Another thing")))
                .isInstanceOf(IncompleteTaskLimitReached.class)
                .hasMessage("Project already has the maximum of 1 incomplete tasks");
        assertThat(project.tasks()).hasSize(1);
    }

    @Test
    void reopening_a_task_beyond_the_limit_is_refused() {
        project.update(new ProjectName("Focused"), new IncompleteTaskLimit(1));
        TaskNumber done = project.addTask(new TaskName("First thing"));
        project.completeTask(done, monday);
        project.addTask(new TaskName("Second thing"));

        assertThatThrownBy(() -> project.incompleteTask(done)).isInstanceOf(IncompleteTaskLimitReached.class);
        assertThat(project.task(done).orElseThrow().isComplete()).isTrue();
    }

    @Test
    void completing_a_task_makes_room_under_the_limit() {
        project.update(new ProjectName("Focused"), new IncompleteTaskLimit(1));
        project.completeTask(project.addTask(new TaskName("First thing")), monday);

        assertThat(project.addTask(new TaskName("Second thing"))).isEqualTo(new TaskNumber(2));
    }

    @Test
    void a_limit_below_the_current_incomplete_count_is_accepted_but_blocks_new_tasks() {
        project.addTask(new TaskName("First thing"));
        project.addTask(new TaskName("Second thing"));

        project.update(new ProjectName("Household"), new IncompleteTaskLimit(1));

        assertThat(project.tasks()).hasSize(2);
        assertThatThrownBy(() -> project.addTask(new TaskName("Third thing")))
                .isInstanceOf(IncompleteTaskLimitReached.class);
    }

    @Test
    void a_limit_of_zero_allows_no_incomplete_task_and_null_means_no_limit() {
        project.update(new ProjectName("Household"), new IncompleteTaskLimit(0));
        assertThatThrownBy(() -> project.addTask(new TaskName("Anything")))
                .isInstanceOf(IncompleteTaskLimitReached.class);

        project.update(new ProjectName("Household"), new IncompleteTaskLimit(null));
        assertThat(project.addTask(new TaskName("Anything"))).isEqualTo(TaskNumber.FIRST);
    }

    @Test
    void the_limit_cannot_be_negative() {
        assertThatThrownBy(() -> new IncompleteTaskLimit(-1))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("maxIncompleteTasks"));
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
    void names_contain_no_control_characters() {
        assertThatThrownBy(() -> new ProjectName("ab\u0000cd")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new TaskName("line\nbreak")).isInstanceOf(InvalidValueException.class);
        assertThat(new TaskName("Café ☕ time").value()).isEqualTo("Café ☕ time");
    }

    @Test
    void task_numbers_start_at_one() {
        assertThatThrownBy(() -> new TaskNumber(0)).isInstanceOf(InvalidValueException.class);
    }
}
