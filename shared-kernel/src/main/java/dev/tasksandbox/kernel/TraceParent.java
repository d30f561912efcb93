package dev.tasksandbox.kernel;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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
    /**
     * The key under which log lines carry the trace id in SLF4J's MDC: access lines, unexpected errors and the
     * consumer's outcome line, in every part, so one search finds a trace.
     */
    public static final String LOG_KEY = "traceId";

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

    /**
     * A new trace, sampled, whose root is the caller. Trace ids must be unique, not secret, so they come from the
     * calling thread's own generator: the gateway makes one per request on its event loop, where a shared
     * SecureRandom would be a lock every request takes.
     */
    public static TraceParent newRoot() {
        return new TraceParent("00-" + nonZeroHex(16) + "-" + nonZeroHex(8) + "-01");
    }

    private static String nonZeroHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (isZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
