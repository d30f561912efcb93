package dev.tasksandbox.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleProjectTest {

    @Test
    void a_new_user_gets_my_first_project_with_signing_up_already_done() {
        UserId user = UserId.newId();
        Instant signedUp = Instant.parse("2026-11-25T08:00:00.123456Z");

        Project example = ExampleProject.forNewUser(ProjectId.newId(), user, signedUp);

        assertThat(example.owner()).isEqualTo(user);
        assertThat(example.name().value()).isEqualTo("My first project");
        assertThat(example.isArchived()).isFalse();
        assertThat(example.tasks())
                .extracting(task -> task.number().value(), task -> task.name().value(), Task::completedAt)
                .containsExactly(
                        tuple(1, "Sign up!", Optional.of(signedUp)),
                        tuple(2, "Watch the tutorial", Optional.empty()),
                        tuple(3, "Start using our awesome app", Optional.empty()));
    }
}
