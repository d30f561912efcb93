package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.kernel.UserAccountCreated;
import dev.tasksandbox.projects.application.CreateExampleProject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates records of {@code accounts.user-events} into use-case calls. The returned Mono acknowledges the
 * offset when the effect is committed; an error goes to the container's error handler (see KafkaConfiguration).
 */
@Component
class UserAccountEventsListener {

    private static final String TYPE_HEADER = "type";

    private final CreateExampleProject createExampleProject;
    private final JsonMapper json;

    UserAccountEventsListener(CreateExampleProject createExampleProject, JsonMapper json) {
        this.createExampleProject = createExampleProject;
        this.json = json;
    }

    @KafkaListener(id = "user-account-events", topics = UserAccountCreated.TOPIC)
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        String type = header(record, TYPE_HEADER);
        if (type != null && !UserAccountCreated.TYPE.equals(type)) {
            // A kind of account event this service has no use for: acknowledged and skipped.
            return Mono.empty();
        }
        try {
            return createExampleProject.handle(read(record)).then();
        } catch (UnreadableEvent unreadable) {
            // Errors must travel in the Mono for an async listener to reach the error handler.
            return Mono.error(unreadable);
        }
    }

    private UserAccountCreated read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UnreadableEvent("Record without a value at offset " + record.offset(), null);
        }
        try {
            return json.readValue(record.value(), UserAccountCreated.class);
        } catch (JacksonException e) {
            throw new UnreadableEvent("Not a " + UserAccountCreated.TYPE + " event at offset " + record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
