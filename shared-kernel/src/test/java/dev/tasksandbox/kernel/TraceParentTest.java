package dev.tasksandbox.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_well_formed_header_is_kept_as_it_is() {
        assertThat(TraceParent.parse(EXAMPLE)).contains(new TraceParent(EXAMPLE));
    }

    @Test
    void malformed_or_all_zero_headers_are_ignored() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isEmpty();
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThatThrownBy(() -> new TraceParent("nonsense")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_span_is_written_with_its_sampling_flag() {
        assertThat(TraceParent.of("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true))
                .isEqualTo(new TraceParent(EXAMPLE));
        assertThat(TraceParent.of("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", false)
                        .value())
                .endsWith("-00");
    }

    @Test
    void the_trace_id_is_the_part_every_hop_of_the_trace_shares() {
        assertThat(new TraceParent(EXAMPLE).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
