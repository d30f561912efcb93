package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountCreatedTest {

    @Test
    void the_event_time_is_kept_to_the_microsecond_like_the_database_keeps_it() {
        UserAccountCreated event =
                UserAccountCreated.of(UserId.newId(), Instant.parse("2026-01-02T03:04:05.123456789Z"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void each_event_has_its_own_id() {
        UserId user = UserId.newId();
        Instant now = Instant.now();
        assertThat(UserAccountCreated.of(user, now).eventId())
                .isNotEqualTo(UserAccountCreated.of(user, now).eventId());
    }

    @Test
    void the_schema_is_published_with_the_contract_and_requires_every_field() throws IOException {
        try (InputStream schema = UserAccountCreated.class.getResourceAsStream(UserAccountCreated.SCHEMA_RESOURCE)) {
            assertThat(schema).isNotNull();
            String text = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"required\": [\"eventId\", \"userId\", \"occurredAt\"]");
        }
    }
}
