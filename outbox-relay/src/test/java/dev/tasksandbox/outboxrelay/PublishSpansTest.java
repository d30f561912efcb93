package dev.tasksandbox.outboxrelay;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishSpansTest {

    private static final String ROW_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TOPIC = "accounts.user-events";

    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private final Tracing tracing = Tracing.newBuilder()
            .localServiceName("accounts-service")
            .propagationFactory(new W3CPropagation())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            })
            .build();
    private final PublishSpans spans = new PublishSpans(
            new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext())),
            new BravePropagator(tracing),
            "accounts-outbox-relay");

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void the_publish_span_is_a_child_of_the_row_s_trace_and_the_event_carries_it_on() {
        ProducerRecord<String, String> message = event(ROW_TRACE);

        Span span = spans.started(message, UUID.randomUUID());
        PublishSpans.endedOnAcknowledgement(span).onCompletion(null, null);

        MutableSpan published = finished.get(0);
        assertThat(published.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(published.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(published.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
        assertThat(published.name()).isEqualTo("accounts.user-events publish");
        assertThat(traceparentOf(message)).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + published.id() + "-01");
        assertThat(message.headers().headers("traceparent")).hasSize(1);
    }

    @Test
    void a_row_without_a_trace_starts_one() {
        ProducerRecord<String, String> message = event(null);

        spans.started(message, UUID.randomUUID());

        assertThat(traceparentOf(message)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void a_refused_event_ends_its_span_as_an_error() {
        Span span = spans.started(event(ROW_TRACE), UUID.randomUUID());

        PublishSpans.endedOnAcknowledgement(span).onCompletion(null, new IllegalStateException("broker away"));

        assertThat(finished.get(0).error()).hasMessage("broker away");
    }

    @Test
    void without_a_tracer_the_row_s_traceparent_passes_unchanged() {
        ProducerRecord<String, String> message = event(ROW_TRACE);

        PublishSpans.none("accounts-outbox-relay").started(message, UUID.randomUUID());

        assertThat(traceparentOf(message)).isEqualTo(ROW_TRACE);
    }

    private static ProducerRecord<String, String> event(String traceparent) {
        ProducerRecord<String, String> message = new ProducerRecord<>(TOPIC, "user", "{}");
        if (traceparent != null) {
            message.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return message;
    }

    private static String traceparentOf(ProducerRecord<String, String> message) {
        return new String(message.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }
}
