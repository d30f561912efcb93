package dev.tasksandbox.web.edge;

import dev.tasksandbox.kernel.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of a request: the one of the server span Micrometer Tracing opened for it, which the gateway
 * propagated to the services and the relay to Kafka. Read from the exchange rather than from a thread-local,
 * because an access line or an error is written on whatever thread the request happens to be on.
 */
public final class TraceIds {

    /**
     * The key under which log lines carry the trace id in SLF4J's MDC: Brave's own, so that an access line, an
     * unexpected error and whatever logs inside a span's scope share one field, and one search finds a trace.
     */
    public static final String LOG_KEY = "traceId";

    private TraceIds() {}

    /** The trace id of {@code exchange}'s server span; none when tracing is not on the class path. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return serverSpan(exchange).map(TraceContext::traceId);
    }

    /**
     * The server span as a W3C {@code traceparent}, for the answer: a client (or an engineer with curl) reads the
     * trace id there and finds the whole trace in Zipkin without searching the logs.
     */
    public static Optional<TraceParent> traceparentOf(ServerWebExchange exchange) {
        return serverSpan(exchange).map(TraceIds::traceparent);
    }

    /** The span of an observation as a W3C {@code traceparent}; none when tracing is not on the class path. */
    public static Optional<TraceParent> traceparentOf(Observation.ContextView observation) {
        return spanOf(observation).map(TraceIds::traceparent);
    }

    private static Optional<TraceContext> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .flatMap(TraceIds::spanOf);
    }

    private static Optional<TraceContext> spanOf(Observation.ContextView observation) {
        return Optional.ofNullable(observation.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(Span::context);
    }

    private static TraceParent traceparent(TraceContext span) {
        return TraceParent.of(span.traceId(), span.spanId(), isSampled(span));
    }

    private static boolean isSampled(TraceContext span) {
        return Boolean.TRUE.equals(span.sampled());
    }
}
