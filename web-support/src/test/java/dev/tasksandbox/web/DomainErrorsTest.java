package dev.tasksandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DomainErrorsTest {

    abstract static sealed class Refusal extends RuntimeException permits Missing, StateRefusal {}

    static final class Missing extends Refusal {}

    abstract static sealed class StateRefusal extends Refusal permits Archived, LimitReached {}

    static final class Archived extends StateRefusal {}

    static final class LimitReached extends StateRefusal {}

    @Test
    void every_kind_of_a_sealed_hierarchy_gets_its_status() {
        DomainErrors errors = DomainErrors.of(Refusal.class)
                .map(HttpStatus.NOT_FOUND, Missing.class)
                .map(HttpStatus.CONFLICT, Archived.class, LimitReached.class)
                .complete();

        assertThat(errors.statusOf(new Missing())).contains(HttpStatus.NOT_FOUND);
        assertThat(errors.statusOf(new LimitReached())).contains(HttpStatus.CONFLICT);
        assertThat(errors.statusOf(new IllegalStateException())).isEmpty();
    }

    @Test
    void a_branch_mapped_as_a_whole_covers_its_kinds() {
        DomainErrors errors = DomainErrors.of(Refusal.class)
                .map(HttpStatus.NOT_FOUND, Missing.class)
                .map(HttpStatus.CONFLICT, StateRefusal.class)
                .complete();

        assertThat(errors.statusOf(new Archived())).contains(HttpStatus.CONFLICT);
    }

    @Test
    void a_kind_left_out_is_refused_before_a_client_could_meet_it_as_a_500() {
        DomainErrors.Builder incomplete = DomainErrors.of(Refusal.class).map(HttpStatus.NOT_FOUND, Missing.class);

        assertThatThrownBy(incomplete::complete)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Archived")
                .hasMessageContaining("LimitReached");
    }

    @Test
    void a_hierarchy_that_is_not_sealed_cannot_be_known_to_be_covered() {
        assertThatThrownBy(() -> DomainErrors.of(RuntimeException.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
