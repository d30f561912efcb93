package dev.tasksandbox.projects.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RevokeSessionsTest {

    private final Map<UserId, Instant> recorded = new HashMap<>();
    private final SessionRevocations revocations =
            (user, revokedAt) -> () -> Mono.fromRunnable(() -> recorded.put(user, revokedAt));
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final RevokeSessions useCase = new RevokeSessions(revocations, inbox);

    @Test
    void the_news_of_a_log_out_everywhere_is_recorded_with_its_event() {
        RevokeSessions.Command command =
                new RevokeSessions.Command(UUID.randomUUID(), UserId.newId(), Instant.parse("2026-12-03T09:00:00Z"));

        assertThat(useCase.handle(command).block()).isTrue();

        assertThat(recorded).containsEntry(command.user(), command.revokedAt());
        assertThat(inbox.processed).containsExactly(command.eventId());
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        UserId user = UserId.newId();
        RevokeSessions.Command command =
                new RevokeSessions.Command(UUID.randomUUID(), user, Instant.parse("2026-12-03T09:00:00Z"));
        useCase.handle(command).block();
        recorded.clear();

        assertThat(useCase.handle(command).block()).isFalse();

        assertThat(recorded).isEmpty();
    }
}
