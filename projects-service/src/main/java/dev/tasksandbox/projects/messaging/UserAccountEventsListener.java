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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Translates records of {@code accounts.user-events}, read with the contract's codec, into commands of this
 * service's use cases, a batch of records (what one poll returned from a partition or several) at a time.
 *
 * <p>A batch is handled together: the new accounts' example projects in one statement (a backlog drains at the
 * speed of a few large statements, not of a round trip and a commit per event), then the revocations, in order.
 * When that fails, the batch is handled again one record at a time, and the first record that fails is named to
 * the container's error handler (an exception of the failure's kind: {@link EventFailures#ofRecord}): the records before it stay done, and that
 * record alone is retried or dead-lettered by the failure's kind (see KafkaConfiguration), exactly as a record
 * listener's would be. Each record has its consumer span, the child of the relay's publish span (its
 * {@code traceparent}), under which its lines are logged; a batch's statement is a child of its first record's.
 *
 * <p>The listener waits for the use case on the Kafka consumer thread (never an event-loop thread), so the offsets
 * are committed only after the effects are. A listener returning the Mono was tried first: with several
 * consumers, spring-kafka 4.0.8 handed an asynchronous failure to another partition's consumer ("No current
 * assignment for partition"), and the record was neither retried nor dead-lettered.
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

    @KafkaListener(id = LISTENER_ID, topics = AccountEvents.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() > 1) {
            try {
                together(records);
                return;
            } catch (RuntimeException failed) {
                log.debug("A batch of {} records failed; handling them one at a time", records.size(), failed);
            }
        }
        for (int index = 0; index < records.size(); index++) {
            try {
                alone(records.get(index));
            } catch (RuntimeException failed) {
                throw EventFailures.ofRecord(failed, index);
            }
        }
    }

    /** The whole batch: every record read first, the example projects in one statement, then the revocations. */
    private void together(List<ConsumerRecord<String, byte[]>> records) {
        // Every record is read before any span starts: an unreadable one throws with nothing left to stop.
        List<Optional<AccountEvent>> events =
                records.stream().map(this::eventIn).toList();
        List<Received> received = IntStream.range(0, records.size())
                .mapToObj(i -> new Received(
                        events.get(i).orElse(null), consumerSpan(records.get(i)).start()))
                .toList();
        List<Created> created = new ArrayList<>();
        for (Received event : received) {
            if (event.event() instanceof UserAccountCreated account) {
                created.add(new Created(account, event.span()));
            }
        }
        try {
            if (!created.isEmpty()) {
                List<CreateExampleProject.Outcome> outcomes = within(
                                created.get(0).span(),
                                createExampleProject.handleAll(created.stream()
                                        .map(event -> command(event.event()))
                                        .toList()))
                        .block(effectTimeout);
                for (int i = 0; i < created.size(); i++) {
                    Created event = created.get(i);
                    CreateExampleProject.Outcome outcome =
                            Objects.requireNonNull(outcomes).get(i);
                    event.span().scoped(() -> logged(event.event(), outcome));
                }
            }
            for (Received event : received) {
                if (event.event() instanceof UserSessionsRevoked revoked) {
                    event.span().scoped(() -> revokeSessions(revoked, event.span()));
                }
            }
            received.stream().filter(event -> event.event() == null).forEach(event -> skipped.increment());
        } finally {
            // Not marked as failed when the batch fails: each record is then handled, and observed, on its own.
            received.forEach(event -> event.span().stop());
        }
    }

    /** One record in its own consumer span, as the fallback of a batch that failed, or a batch of one. */
    private void alone(ConsumerRecord<String, byte[]> record) {
        Observation span = consumerSpan(record);
        span.observe(() -> eventIn(record).ifPresentOrElse(event -> handle(event, span), skipped::increment));
    }

    /** A record read, with its consumer span started; {@code event} is null for a kind this service skips. */
    private record Received(@Nullable AccountEvent event, Observation span) {}

    private record Created(UserAccountCreated event, Observation span) {}

    /** The one place where a kind of account event meets the use case it calls for. */
    private void handle(AccountEvent event, Observation span) {
        if (event instanceof UserAccountCreated created) {
            logged(
                    created,
                    within(span, createExampleProject.handle(command(created))).block(effectTimeout));
        } else if (event instanceof UserSessionsRevoked revoked) {
            revokeSessions(revoked, span);
        }
    }

    private static CreateExampleProject.Command command(UserAccountCreated event) {
        return new CreateExampleProject.Command(event.eventId(), new UserId(event.userId()), event.occurredAt());
    }

    private static void logged(UserAccountCreated event, CreateExampleProject.@Nullable Outcome outcome) {
        if (outcome == CreateExampleProject.Outcome.CREATED) {
            log.info("Example project created for user {} (event {})", event.userId(), event.eventId());
        } else {
            log.info("Event {} was handled before; nothing changed", event.eventId());
        }
    }

    private void revokeSessions(UserSessionsRevoked event, Observation span) {
        RevokeSessions.Command command =
                new RevokeSessions.Command(event.eventId(), new UserId(event.userId()), event.revokedAt());
        boolean tookEffect =
                Boolean.TRUE.equals(within(span, revokeSessions.handle(command)).block(effectTimeout));
        log.info(
                "Sessions of user {} revoked at {} (event {}){}",
                event.userId(),
                event.revokedAt(),
                event.eventId(),
                tookEffect ? "" : ": nothing changed, handled before or older than a later revocation");
    }

    /**
     * The record's consumer span, made as spring-kafka makes it for a record listener: its parent is the span
     * named by the record's {@code traceparent}, and its name and tags are spring-kafka's.
     */
    private Observation consumerSpan(ConsumerRecord<String, byte[]> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, LISTENER_ID, () -> null),
                observations);
    }

    /** The effect's statements become spans of {@code span}. */
    private static <T> Mono<T> within(Observation span, Mono<T> effect) {
        return effect.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, span));
    }

    /**
     * The event in a record, or empty for a kind of account event this service has no use for. A record that is
     * not a readable event throws {@link UnreadableEvent}, which sends it to the dead-letter topic.
     */
    private Optional<AccountEvent> eventIn(ConsumerRecord<String, byte[]> record) {
        return codec.decode(RecordHeaders.text(record, AccountEvents.TYPE_HEADER), record.value());
    }
}
