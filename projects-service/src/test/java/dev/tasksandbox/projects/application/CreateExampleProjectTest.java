package dev.tasksandbox.projects.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.CreateExampleProject.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreateExampleProjectTest {

    private final InMemoryProjects stored = new InMemoryProjects();
    private final CreateExampleProject useCase = new CreateExampleProject(stored);

    @Test
    void a_new_user_gets_the_example_project() {
        UserAccountCreated event = UserAccountCreated.of(UserId.newId(), Instant.now());

        assertThat(useCase.handle(event).block()).isEqualTo(Outcome.CREATED);

        assertThat(stored.stored.values())
                .singleElement()
                .satisfies(project -> assertThat(project.owner()).isEqualTo(event.user()));
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        UserAccountCreated event = UserAccountCreated.of(UserId.newId(), Instant.now());
        useCase.handle(event).block();

        assertThat(useCase.handle(event).block()).isEqualTo(Outcome.ALREADY_PROCESSED);

        assertThat(stored.stored).hasSize(1);
    }
}
