package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.kernel.TraceParent;
import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.projects.application.CreateExampleProject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates records of {@code accounts.user-events} into use-case calls, one record at a time per partition.
 *
 * <p>The listener waits for the use case on the Kafka consumer thread (never an event-loop thread), so the offset
 * is committed only after the effect is, and an error reaches the container's error handler with the record's
 * own consumer (see KafkaConfiguration). A listener returning the Mono was tried first: with several consumers,
 * spring-kafka 4.0.8 handed an asynchronous failure to another partition's consumer ("No current assignment
 * for partition"), and the record was neither retried nor dead-lettered.
 */
@Component
class UserAccountEventsListener {

    private static final Logger log = LoggerFactory.getLogger(UserAccountEventsListener.class);
    private static final String TYPE_HEADER = "type";

    private final CreateExampleProject createExampleProject;
    private final JsonMapper json;
    private final Duration effectTimeout;

    UserAccountEventsListener(
            CreateExampleProject createExampleProject,
            JsonMapper json,
            @Value("${projects.events.effect-timeout}") Duration effectTimeout) {
        this.createExampleProject = createExampleProject;
        this.json = json;
        this.effectTimeout = effectTimeout;
    }

    @KafkaListener(id = "user-account-events", topics = UserAccountCreated.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        // The event carries the trace of the registration that caused it: what is logged here joins that trace.
        try {
            TraceParent.parse(header(record, TraceParent.HEADER))
                    .ifPresent(trace -> MDC.put(TraceParent.LOG_KEY, trace.traceId()));
            eventIn(record, json).ifPresent(this::createExampleProject);
        } finally {
            MDC.remove(TraceParent.LOG_KEY);
        }
    }

    private void createExampleProject(UserAccountCreated event) {
        CreateExampleProject.Outcome outcome =
                createExampleProject.handle(event).block(effectTimeout);
        if (outcome == CreateExampleProject.Outcome.CREATED) {
            log.info("Example project created for user {} (event {})", event.userId(), event.eventId());
        } else {
            log.info("Event {} was handled before; nothing changed", event.eventId());
        }
    }

    /**
     * What this service reads from a record: the {@code type} header and the JSON value. Other kinds of account
     * event are skipped (empty); a record that is not a readable event throws {@link UnreadableEvent}, which
     * sends it to the dead-letter topic. The contract test with accounts-service runs this same method.
     */
    static Optional<UserAccountCreated> eventIn(ConsumerRecord<String, byte[]> record, JsonMapper json) {
        String type = header(record, TYPE_HEADER);
        if (type != null && !UserAccountCreated.TYPE.equals(type)) {
            return Optional.empty(); // a kind of account event this service has no use for
        }
        if (record.value() == null) {
            throw new UnreadableEvent("Record without a value at offset " + record.offset(), null);
        }
        try {
            return Optional.of(json.readValue(record.value(), UserAccountCreated.class));
        } catch (JacksonException e) {
            throw new UnreadableEvent("Not a " + UserAccountCreated.TYPE + " event at offset " + record.offset(), e);
        }
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
