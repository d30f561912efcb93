package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserIdTest {

    @Test
    void a_user_id_round_trips_through_its_text() {
        UserId id = UserId.newId();
        assertThat(UserId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void text_that_is_not_a_uuid_is_refused() {
        assertThatThrownBy(() -> UserId.parse("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_user_id_cannot_be_empty() {
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(NullPointerException.class);
        assertThat(new UserId(new UUID(0, 1)).value()).isEqualTo(new UUID(0, 1));
    }
}
