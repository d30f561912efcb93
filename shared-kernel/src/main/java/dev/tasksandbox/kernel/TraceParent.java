package dev.tasksandbox.kernel;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A W3C trace-context {@code traceparent} (https://www.w3.org/TR/trace-context/#traceparent-header): it travels
 * with a request from the gateway through the services and, as a header of the integration event, through
 * Kafka, so that everything one request caused can be found together. Part of the event contract, hence here.
 */
public record TraceParent(String value) {

    /** The name of the HTTP header and of the Kafka record header. */
    public static final String HEADER = "traceparent";

    // version 00, a non-zero trace id, a non-zero parent id, flags
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    public TraceParent {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidValueException(HEADER, "is not a W3C traceparent of version 00");
        }
    }

    /** The given header when it is well formed; anything else is ignored, as the specification asks. */
    public static Optional<TraceParent> parse(@Nullable String header) {
        return header != null && VALID.matcher(header).matches()
                ? Optional.of(new TraceParent(header))
                : Optional.empty();
    }

    /** The 32 hex digits that every hop of one trace shares. */
    public String traceId() {
        return value.substring(3, 35);
    }

    /** The traceparent of a span: version 00, its trace id and span id, and whether it is sampled. */
    public static TraceParent of(String traceId, String spanId, boolean sampled) {
        return new TraceParent("00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00"));
    }

    @Override
    public String toString() {
        return value;
    }
}
