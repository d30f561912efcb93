package dev.tasksandbox.projects.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.ProjectsServiceIT;
import dev.tasksandbox.projects.application.Inbox;
import dev.tasksandbox.projects.application.Projects;
import dev.tasksandbox.projects.domain.ExampleProject;
import dev.tasksandbox.projects.domain.Project;
import dev.tasksandbox.projects.domain.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class R2dbcInboxIT extends ProjectsServiceIT {

    @Autowired
    Inbox inbox;

    @Autowired
    Projects projects;

    @Autowired
    DatabaseClient database;

    @Test
    void an_event_delivered_many_times_at_once_takes_effect_once() {
        UUID event = UUID.randomUUID();
        UserId user = UserId.newId();

        List<Boolean> tookEffect = Flux.range(0, 8)
                .flatMap(delivery ->
                        inbox.once(event, projects.adding(exampleFor(user))).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(tookEffect).containsOnlyOnce(true).hasSize(8);
        assertThat(projectsOf(user)).isEqualTo(1);
        assertThat(recorded(event)).isTrue();
    }

    @Test
    void a_failed_effect_records_nothing_so_that_the_event_can_take_effect_later() {
        UUID event = UUID.randomUUID();
        UserId user = UserId.newId();
        Project taken = exampleFor(UserId.newId());
        projects.add(taken).block();
        // The same project id twice: the database refuses the second, and with it the record of the event.
        Project clashing = ExampleProject.forNewUser(taken.id(), user, Instant.now());

        assertThatThrownBy(() -> inbox.once(event, projects.adding(clashing)).block());

        assertThat(recorded(event)).isFalse();
        assertThat(inbox.once(event, projects.adding(exampleFor(user))).block()).isTrue();
        assertThat(projectsOf(user)).isEqualTo(1);
    }

    private static Project exampleFor(UserId user) {
        return ExampleProject.forNewUser(ProjectId.newId(), user, Instant.now());
    }

    private long projectsOf(UserId user) {
        return database.sql("SELECT count(*) FROM projects WHERE owner_id = :owner")
                .bind("owner", user.value())
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private boolean recorded(UUID event) {
        return database.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                        .bind("id", event)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                == 1;
    }
}
