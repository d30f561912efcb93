package dev.tasksandbox.projects.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.CreateExampleProject.Command;
import dev.tasksandbox.projects.application.CreateExampleProject.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateExampleProjectTest {

    private final InMemoryProjects stored = new InMemoryProjects();
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final CreateExampleProject useCase = new CreateExampleProject(stored, inbox);

    @Test
    void a_new_user_gets_the_example_project() {
        Command command = new Command(UUID.randomUUID(), UserId.newId(), Instant.now());

        assertThat(useCase.handle(command).block()).isEqualTo(Outcome.CREATED);

        assertThat(stored.stored.values())
                .singleElement()
                .satisfies(project -> assertThat(project.owner()).isEqualTo(command.user()));
        assertThat(inbox.processed).containsExactly(command.eventId());
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        Command command = new Command(UUID.randomUUID(), UserId.newId(), Instant.now());
        useCase.handle(command).block();

        assertThat(useCase.handle(command).block()).isEqualTo(Outcome.ALREADY_PROCESSED);

        assertThat(stored.stored).hasSize(1);
    }

    @Test
    void two_events_for_two_users_give_each_their_project() {
        useCase.handle(new Command(UUID.randomUUID(), UserId.newId(), Instant.now()))
                .block();
        useCase.handle(new Command(UUID.randomUUID(), UserId.newId(), Instant.now()))
                .block();

        assertThat(stored.stored).hasSize(2);
    }

    @Test
    void news_of_several_accounts_handled_together_gives_each_user_one_project_and_says_which_were_new() {
        Command handledBefore = new Command(UUID.randomUUID(), UserId.newId(), Instant.now());
        useCase.handle(handledBefore).block();
        Command first = new Command(UUID.randomUUID(), UserId.newId(), Instant.now());
        Command second = new Command(UUID.randomUUID(), UserId.newId(), Instant.now());

        assertThat(useCase.handleAll(List.of(first, handledBefore, second, first))
                        .block())
                .containsExactly(
                        Outcome.CREATED, Outcome.ALREADY_PROCESSED, Outcome.CREATED, Outcome.ALREADY_PROCESSED);

        assertThat(stored.stored.values())
                .extracting(project -> project.owner())
                .containsExactlyInAnyOrder(handledBefore.user(), first.user(), second.user());
    }
}
