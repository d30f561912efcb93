package dev.tasksandbox.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountEventCodecTest {

    private final AccountEventCodec codec = new AccountEventCodec();

    @Test
    void an_event_reads_back_as_it_was_written() {
        UserAccountCreated event = new UserAccountCreated(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05.123456Z"));

        byte[] value = codec.encode(event).getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(UserAccountCreated.TYPE, value)).contains(event);
    }

    @Test
    void the_time_is_written_in_utc_with_a_z() {
        UserAccountCreated event =
                new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(codec.encode(event)).contains("\"occurredAt\":\"2026-01-02T03:04:05Z\"");
    }

    @Test
    void the_event_time_is_kept_to_the_microsecond_like_the_database_keeps_it() {
        UserAccountCreated event = new UserAccountCreated(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05.123456789Z"));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void a_revocation_reads_back_as_it_was_written_to_the_microsecond() {
        UserSessionsRevoked event = new UserSessionsRevoked(
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05.123456789Z"));

        String written = codec.encode(event);

        assertThat(written)
                .contains("\"revokedAt\":\"2026-01-02T03:04:05.123456Z\"")
                .doesNotContain("\"type\"");
        assertThat(codec.decode(UserSessionsRevoked.TYPE, written.getBytes(StandardCharsets.UTF_8)))
                .contains(event);
    }

    @Test
    void a_record_without_a_type_header_is_read_as_a_new_account_as_before_there_were_two_kinds() {
        UserAccountCreated event =
                new UserAccountCreated(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(codec.decode(null, codec.encode(event).getBytes(StandardCharsets.UTF_8)))
                .contains(event);
    }

    @Test
    void a_kind_of_event_this_contract_does_not_know_is_skipped() {
        assertThat(codec.decode("UserRenamedTheirCat", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void a_value_that_is_not_the_event_is_unreadable() {
        assertThatThrownBy(() -> codec.decode(UserAccountCreated.TYPE, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> codec.decode(
                        UserAccountCreated.TYPE, "{\"eventId\":\"not a uuid\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void an_event_missing_a_member_is_unreadable() {
        String withoutUser = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-01-02T03:04:05Z\"}";

        assertThatThrownBy(() -> codec.decode(UserAccountCreated.TYPE, withoutUser.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("userId");
    }

    @Test
    void a_record_without_a_value_is_unreadable() {
        assertThatThrownBy(() -> codec.decode(UserAccountCreated.TYPE, null)).isInstanceOf(UnreadableEvent.class);
    }
}
