package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AggregateRootTest {

    record Opened(UUID eventId, Instant occurredAt) implements DomainEvent {}

    static final class Account extends AggregateRoot<UserId> {
        private final UserId id = UserId.newId();

        @Override
        public UserId id() {
            return id;
        }

        void open() {
            record(new Opened(UUID.randomUUID(), Instant.now()));
        }
    }

    @Test
    void recorded_events_are_taken_once() {
        Account account = new Account();
        account.open();

        assertThat(account.takeEvents()).singleElement().isInstanceOf(Opened.class);
        assertThat(account.takeEvents()).isEmpty();
    }
}
