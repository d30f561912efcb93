package dev.tasksandbox.outboxrelay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * One PRODUCER span per published event, the child of the span that wrote its outbox row, whose
 * {@code traceparent} the row carries: so the trace of a registration goes on from the request, through the
 * relay, to the consumer. The event then carries the publish span's {@code traceparent} instead, and the
 * consumer's span is its child. The span ends when Kafka acknowledges the event (or refuses it, as an error).
 *
 * <p>Plain Micrometer Tracing calls on the relay's own threads: no Debezium transformation and no global tracer.
 * Without a tracing bridge the tracer is {@link Tracer#NOOP} and the row's {@code traceparent} passes unchanged.
 * The spans are named after the relay ({@code outbox-relay.name}) rather than the application that runs it,
 * by {@link #namedAfterTheRelay()}: in Zipkin the relay shows as a service of its own.
 */
final class PublishSpans {

    /** Tags a span with the relay's name, which {@link #namedAfterTheRelay()} makes its service name. */
    private static final String RELAY_TAG = "outbox.relay";

    private final Tracer tracer;
    private final Propagator propagator;
    private final String relayName;

    PublishSpans(Tracer tracer, Propagator propagator, String relayName) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.relayName = relayName;
    }

    static PublishSpans none(String relayName) {
        return new PublishSpans(Tracer.NOOP, Propagator.NOOP, relayName);
    }

    /** The span of publishing {@code message}, started; a row without a traceparent starts a trace. */
    Span started(ProducerRecord<String, String> message, UUID eventId) {
        String stored = header(message, DebeziumSettings.TRACEPARENT);
        Span.Builder builder = stored == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(DebeziumSettings.TRACEPARENT, stored), Map::get);
        Span span = builder.name(message.topic() + " publish")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", message.topic())
                .tag("messaging.message.id", eventId.toString())
                .tag(RELAY_TAG, relayName)
                .start();
        Map<String, String> context = new HashMap<>();
        propagator.inject(span.context(), context, (carrier, key, value) -> context.put(key, value));
        String traceparent = context.get(DebeziumSettings.TRACEPARENT);
        if (traceparent != null) {
            message.headers().remove(DebeziumSettings.TRACEPARENT);
            message.headers().add(DebeziumSettings.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return span;
    }

    /** Ends {@code span} when Kafka answers the send. */
    static Callback endedOnAcknowledgement(Span span) {
        return (metadata, error) -> {
            if (error != null) {
                span.error(error);
            }
            span.end();
        };
    }

    /**
     * Gives the relay's spans the relay's name as their service name. (The tag stays: Brave's finished span
     * cannot lose a tag, its tag map being a read-only view.)
     */
    static SpanFilter namedAfterTheRelay() {
        return span -> {
            String relay = span.getTags().get(RELAY_TAG);
            return relay == null ? span : span.setLocalServiceName(relay);
        };
    }

    private static @Nullable String header(ProducerRecord<String, String> message, String name) {
        var header = message.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
