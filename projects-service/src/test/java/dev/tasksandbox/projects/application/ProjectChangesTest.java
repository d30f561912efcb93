package dev.tasksandbox.projects.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.domain.ConcurrentChange;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import dev.tasksandbox.projects.domain.ProjectName;
import dev.tasksandbox.projects.domain.ProjectNotFound;
import dev.tasksandbox.projects.domain.TaskName;
import dev.tasksandbox.projects.domain.TaskNumber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProjectChangesTest {

    private final InMemoryProjects projects = new InMemoryProjects();
    private final ProjectChanges changes =
            new ProjectChanges(projects, new ConcurrencyPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)));
    private final UserId owner = UserId.newId();
    private final ProjectId id = ProjectId.newId();
    private final AddTask addTask = new AddTask(changes);

    ProjectChangesTest() {
        projects.add(Project.create(id, owner, new ProjectName("Household"))).block();
    }

    @Test
    void a_write_that_lost_a_race_runs_again_on_fresh_state() {
        projects.staleSavesToSimulate = 2;

        TaskNumber number = addTask.handle(new AddTask.Command(owner, id, new TaskName("Clean the house")))
                .block();

        assertThat(number).isEqualTo(TaskNumber.FIRST);
        assertThat(projects.stored.get(id).tasks()).hasSize(1);
    }

    @Test
    void after_the_allowed_retries_the_client_is_told_to_try_again() {
        projects.staleSavesToSimulate = 4;

        assertThatThrownBy(() -> addTask.handle(new AddTask.Command(owner, id, new TaskName("Clean the house")))
                        .block())
                .isInstanceOf(ConcurrentChange.class);
        assertThat(projects.stored.get(id).tasks()).isEmpty();
    }

    @Test
    void another_users_project_is_not_found() {
        assertThatThrownBy(() -> addTask.handle(new AddTask.Command(UserId.newId(), id, new TaskName("Sneak in")))
                        .block())
                .isInstanceOf(ProjectNotFound.class);
    }
}
