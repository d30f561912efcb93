package dev.tasksandbox.web.edge;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One access line per request, the same in every part: method, path, status, milliseconds, under the request's
 * trace id ({@link TraceIds}), so one search finds a request everywhere it went. Written when the
 * answer commits, when its status is known whoever set it. A request whose client hung up before the answer
 * started is logged with 499, nginx's "client closed request", never with a status nobody received.
 */
public final class AccessLog {

    /** Its own logger, so an operator can silence access lines without silencing the service. */
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.tasksandbox.access");

    private AccessLog() {}

    /**
     * {@code handling} (the rest of the filter chain), with {@code exchange}'s access line written when its answer
     * commits, or when the client's hanging up cancels it first; {@code suffix} (say, the gateway's request id)
     * ends the line. Health probes and scrapes come every few seconds and would drown the requests: those that
     * succeed are not logged, while a refused one (someone trying an actuator path on a public port) is.
     */
    public static Mono<Void> logged(ServerWebExchange exchange, String suffix, Mono<Void> handling) {
        String path = exchange.getRequest().getPath().value();
        long started = System.nanoTime();
        AtomicBoolean written = new AtomicBoolean();
        Runnable line = () -> {
            if (written.compareAndSet(false, true) && !(isProbe(path) && statusOf(exchange) < 400)) {
                try (MDC.MDCCloseable ignored =
                        MDC.putCloseable(TraceIds.LOG_KEY, TraceIds.of(exchange).orElse(""))) {
                    ACCESS.info(
                            "{} {} {} {} ms{}",
                            exchange.getRequest().getMethod(),
                            path,
                            statusOf(exchange),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            suffix.isEmpty() ? "" : " " + suffix);
                }
            }
        };
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(line));
        return handling.doOnCancel(line);
    }

    /** A health probe or a metrics scrape: it comes every few seconds and tells nothing about the requests. */
    static boolean isProbe(String path) {
        return path.equals("/health") || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    /** What the client receives: a response whose status nobody set is a 200. */
    private static int statusOf(ServerWebExchange exchange) {
        if (ClientConnection.wentAway(exchange)) {
            return ClientConnection.CLIENT_CLOSED_REQUEST;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? 200 : status.value();
    }
}
