package dev.tasksandbox.projects.messaging;

import dev.tasksandbox.contracts.AccountEvent;
import dev.tasksandbox.contracts.AccountEventCodec;
import dev.tasksandbox.contracts.AccountEvents;
import dev.tasksandbox.contracts.UnreadableEvent;
import dev.tasksandbox.contracts.UserAccountCreated;
import dev.tasksandbox.contracts.UserSessionsRevoked;
import dev.tasksandbox.kernel.UserId;
import dev.tasksandbox.projects.application.CreateExampleProject;
import dev.tasksandbox.projects.application.RevokeSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Translates records of {@code accounts.user-events}, read with the contract's codec, into commands of this
 * service's use cases, one record at a time per partition.
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

    /** The listener's id, which spring-kafka also makes its consumer group's id. */
    static final String LISTENER_ID = "user-account-events";

    private final CreateExampleProject createExampleProject;
    private final RevokeSessions revokeSessions;
    private final AccountEventCodec codec = new AccountEventCodec();
    private final Duration effectTimeout;
    private final Counter skipped;
    private final ObservationRegistry observations;

    UserAccountEventsListener(
            CreateExampleProject createExampleProject,
            RevokeSessions revokeSessions,
            MeterRegistry meters,
            ObservationRegistry observations,
            @Value("${projects.events.effect-timeout}") Duration effectTimeout) {
        this.createExampleProject = createExampleProject;
        this.observations = observations;
        this.revokeSessions = revokeSessions;
        this.effectTimeout = effectTimeout;
        this.skipped = Counter.builder("projects.events.skipped")
                .description("Account events of a type this service has no use for, skipped")
                .register(meters);
    }

    /**
     * Runs inside the container's consumer span, the child of the span that published the record (its
     * {@code traceparent}), whose scope puts the trace id on what is logged here.
     */
    @KafkaListener(id = LISTENER_ID, topics = AccountEvents.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        eventIn(record).ifPresentOrElse(this::handle, skipped::increment);
    }

    /** The one place where a kind of account event meets the use case it calls for. */
    private void handle(AccountEvent event) {
        if (event instanceof UserAccountCreated created) {
            createExampleProject(created);
        } else if (event instanceof UserSessionsRevoked revoked) {
            revokeSessions(revoked);
        }
    }

    private void createExampleProject(UserAccountCreated event) {
        CreateExampleProject.Command command =
                new CreateExampleProject.Command(event.eventId(), new UserId(event.userId()), event.occurredAt());
        CreateExampleProject.Outcome outcome =
                inConsumerSpan(createExampleProject.handle(command)).block(effectTimeout);
        if (outcome == CreateExampleProject.Outcome.CREATED) {
            log.info("Example project created for user {} (event {})", event.userId(), event.eventId());
        } else {
            log.info("Event {} was handled before; nothing changed", event.eventId());
        }
    }

    private void revokeSessions(UserSessionsRevoked event) {
        RevokeSessions.Command command =
                new RevokeSessions.Command(event.eventId(), new UserId(event.userId()), event.revokedAt());
        boolean tookEffect = Boolean.TRUE.equals(
                inConsumerSpan(revokeSessions.handle(command)).block(effectTimeout));
        log.info(
                "Sessions of user {} revoked at {} (event {}){}",
                event.userId(),
                event.revokedAt(),
                event.eventId(),
                tookEffect ? "" : ": nothing changed, handled before or older than a later revocation");
    }

    /** The effect's statements become spans of the consumer span, which is the current one on this thread. */
    private <T> Mono<T> inConsumerSpan(Mono<T> effect) {
        Observation consumer = observations.getCurrentObservation();
        return consumer == null
                ? effect
                : effect.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, consumer));
    }

    /**
     * The event in a record, or empty for a kind of account event this service has no use for. A record that is
     * not a readable event throws {@link UnreadableEvent}, which sends it to the dead-letter topic.
     */
    private Optional<AccountEvent> eventIn(ConsumerRecord<String, byte[]> record) {
        return codec.decode(RecordHeaders.text(record, AccountEvents.TYPE_HEADER), record.value());
    }
}
