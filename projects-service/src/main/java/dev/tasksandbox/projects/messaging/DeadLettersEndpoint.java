package dev.tasksandbox.projects.messaging;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/deadletters} on the management port, and only there (with no port of its own, the actuator
 * shares the API's, and this endpoint does not exist): {@code GET} counts the letters of each partition of the
 * dead-letter topic; {@code POST} replays them (all of them, the letters of one event, or an offset range of one
 * partition) onto the events topic. The answer lists what was replayed.
 */
@Component
@Endpoint(id = "deadletters")
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    Map<String, Object> letters() {
        SortedMap<Integer, Long> partitions = deadLetters.count();
        return Map.of(
                "partitions",
                partitions,
                "total",
                partitions.values().stream().mapToLong(Long::longValue).sum());
    }

    @WriteOperation
    Map<String, Object> replay(
            @Nullable String eventId, @Nullable Integer partition, @Nullable Long fromOffset, @Nullable Long toOffset) {
        if ((fromOffset != null || toOffset != null) && partition == null) {
            throw new InvalidEndpointRequestException("An offset range needs its partition", "partition missing");
        }
        List<DeadLetters.Letter> replayed =
                deadLetters.replay(new DeadLetters.Selection(eventId(eventId), partition, fromOffset, toOffset));
        return Map.of("replayed", replayed.size(), "letters", replayed);
    }

    private static @Nullable UUID eventId(@Nullable String eventId) {
        try {
            return eventId == null ? null : UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException("eventId must be a UUID", "eventId not a UUID");
        }
    }
}
