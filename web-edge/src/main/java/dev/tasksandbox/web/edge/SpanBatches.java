package dev.tasksandbox.web.edge;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import zipkin2.reporter.BytesEncoder;
import zipkin2.reporter.ReporterMetrics;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * Spans go to Zipkin in batches, on a beat. Brave's reporter as Spring Boot sets it up has a thread that waits on
 * its queue, and the queue wakes it for every span that ends, to add that one span to the message it is filling:
 * two thread switches per span, three to five spans per read (the profile of a read put Zipkin's export at 7.7 %
 * of projects-service's CPU, most of it these wakes). Here the reporter runs without that thread, and every
 * {@link #BEAT} this sends what has queued since: the same messages, the same encoder and sender, the same bounds
 * on the queue, and one wake per beat instead of one per span. A beat with no span sends nothing (the sender
 * would post an empty list). At shutdown, what is left is sent once more, after the web server and the listeners
 * have stopped, so the last requests' spans are not dropped. Spans the reporter gives up on (Zipkin away or
 * refusing them, or a full queue) are counted in {@code zipkin.spans.dropped}: Spring Boot's reporter counts
 * nothing and logs only the first failure, so an operator would otherwise not know that traces are missing.
 */
final class SpanBatches implements BeanPostProcessor, BeanFactoryAware, SmartLifecycle, MeterBinder {

    /** How long an ended span waits at most before it is sent (Brave's reporter waits up to 1 s to fill a message). */
    static final Duration BEAT = Duration.ofMillis(100);
    /** A message holds up to the sender's limit (500 kB); a backlog beyond these per beat waits for the next beats. */
    private static final int MAX_MESSAGES_PER_BEAT = 16;

    private static final Logger log = LoggerFactory.getLogger(SpanBatches.class);

    private final ReporterCounts counts = new ReporterCounts();
    /** Sampled spans handed to the reporter since the last beat began, counted once the reporter has queued them. */
    private final AtomicInteger ended = new AtomicInteger();

    private @Nullable BeanFactory beans;
    private volatile @Nullable AsyncZipkinSpanHandler reporter;
    private @Nullable ScheduledExecutorService beat;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    /**
     * Spring Boot's reporter, rebuilt with the same settings but without its own thread, and counted: the tracer
     * takes every {@link SpanHandler} bean, whatever its class.
     */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof AsyncZipkinSpanHandler configured) || beans == null) {
            return bean;
        }
        BytesEncoder<MutableSpan> encoder = beans.<BytesEncoder<MutableSpan>>getBeanProvider(
                        ResolvableType.forClassWithGenerics(BytesEncoder.class, MutableSpan.class))
                .getObject();
        // The configured one started no thread (that happens at its first span) and is dropped unused.
        AsyncZipkinSpanHandler batched = configured.toBuilder()
                .messageTimeout(0, TimeUnit.MILLISECONDS)
                .metrics(counts)
                .build(encoder);
        reporter = batched;
        return new Counted(batched);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("zipkin.spans.dropped", counts, ReporterCounts::droppedSpans)
                .description("Spans not sent to Zipkin: unreachable, refusing them, or a full queue")
                .register(registry);
    }

    @Override
    public void start() {
        if (reporter != null) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "zipkin-batches");
                thread.setDaemon(true);
                return thread;
            });
            // Ends with the executor (stop): nothing to wait for on its own.
            var unused = executor.scheduleWithFixedDelay(
                    this::send, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
            beat = executor;
        }
    }

    @Override
    public void stop() {
        if (beat != null) {
            beat.shutdown();
            try {
                beat.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            beat = null;
            send();
        }
    }

    @Override
    public boolean isRunning() {
        return beat != null;
    }

    /** Stops last, so that the spans of everything else's shutdown are still sent. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    private void send() {
        AsyncZipkinSpanHandler current = reporter;
        if (current == null) {
            return;
        }
        if (ended.getAndSet(0) == 0 && counts.queued == 0) {
            return;
        }
        try {
            int messages = 0;
            do {
                current.flush(); // one message: as many queued spans as it holds
            } while (counts.queued > 0 && ++messages < MAX_MESSAGES_PER_BEAT);
        } catch (RuntimeException closed) {
            // The reporter was closed with the context: nothing more can be sent. A failed send is not an
            // exception here: the reporter counts the spans as dropped and logs it once.
            log.debug("Spans not sent: {}", closed.toString());
        }
    }

    /** The reporter, counting what it has queued; a span counted after the beat's check waits for the next beat. */
    private final class Counted extends SpanHandler implements Closeable {

        private final AsyncZipkinSpanHandler delegate;

        Counted(AsyncZipkinSpanHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            boolean kept = delegate.end(context, span, cause);
            if (Boolean.TRUE.equals(context.sampled())) {
                ended.incrementAndGet();
            }
            return kept;
        }

        /** Called with the context's end, after the last beat ({@link #stop()}). */
        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** The reporter's counts that serve: spans still queued after each drain, and spans it dropped. */
    private static final class ReporterCounts implements ReporterMetrics {

        volatile int queued;
        private final AtomicLong dropped = new AtomicLong();

        double droppedSpans() {
            return dropped.get();
        }

        @Override
        public void updateQueuedSpans(int update) {
            queued = update;
        }

        @Override
        public void incrementSpansDropped(int quantity) {
            dropped.addAndGet(quantity);
        }

        @Override
        public void incrementMessages() {}

        @Override
        public void incrementMessagesDropped(Throwable cause) {}

        @Override
        public void incrementSpans(int quantity) {}

        @Override
        public void incrementSpanBytes(int quantity) {}

        @Override
        public void incrementMessageBytes(int quantity) {}

        @Override
        public void updateQueuedBytes(int update) {}
    }
}
