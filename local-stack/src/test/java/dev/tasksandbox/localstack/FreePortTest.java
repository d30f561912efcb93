package dev.tasksandbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void a_chosen_port_lies_below_the_range_outgoing_connections_take_their_ports_from() {
        int port = FreePort.orAny(0);

        assertThat(port).isBetween(FreePort.LOWEST, FreePort.ephemeralStart() - 1);
    }

    @Test
    void a_chosen_port_can_be_bound_by_the_server_it_is_for() throws IOException {
        int port = FreePort.orAny(0);

        try (ServerSocket server = new ServerSocket(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void ports_chosen_for_servers_of_one_stack_differ_though_none_is_bound_yet() {
        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 50).forEach(i -> ports.add(FreePort.orAny(0)));

        assertThat(ports).hasSize(50);
    }

    @Test
    void ports_taken_by_running_servers_are_passed_over() throws IOException {
        int span = FreePort.ephemeralStart() - FreePort.LOWEST;
        int last = FreePort.orAny(0);
        // The ports next in line (each JVM hands its ports out in turn), all taken: by servers of this test, or by
        // whatever already listens on one of them.
        List<Integer> nextInLine = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> FreePort.LOWEST + Math.floorMod(last - FreePort.LOWEST + i, span))
                .toList();
        List<ServerSocket> running = new ArrayList<>();
        try {
            for (int port : nextInLine) {
                bindIfFree(port).ifPresent(running::add);
            }

            int chosen = FreePort.orAny(0);

            assertThat(nextInLine).doesNotContain(chosen);
        } finally {
            for (ServerSocket server : running) {
                server.close();
            }
        }
    }

    @Test
    void a_configured_port_is_kept() {
        assertThat(FreePort.orAny(8080)).isEqualTo(8080);
    }

    private static Optional<ServerSocket> bindIfFree(int port) {
        try {
            return Optional.of(new ServerSocket(port));
        } catch (IOException taken) {
            return Optional.empty();
        }
    }
}
