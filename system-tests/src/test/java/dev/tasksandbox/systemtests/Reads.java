package dev.tasksandbox.systemtests;

import dev.tasksandbox.testkit.AccountsApi;
import dev.tasksandbox.testkit.ProjectsApi;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Several signed-in clients reading through the gateway until stopped, paced like {@link Registrations}: each in
 * turn lists its projects (projects-service) and reads its profile (composed from accounts- and projects-service).
 * An answer other than a whole 200 is an error a client saw, a profile without its projects included.
 */
final class Reads implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    /** The outcome of a read answered 200 in full (no {@code Warning} of a degraded answer). */
    private static final String WHOLE = "200";

    private static final String PASSWORD = "correct horse battery";

    private final AtomicInteger answered = new AtomicInteger();
    private final Queue<RequestTime> errors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    private Reads(String gatewayUrl, int clientCount, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        this.clients = Executors.newFixedThreadPool(clientCount);
        AccountsApi accounts = AccountsApi.at(gatewayUrl);
        List<String> tokens = IntStream.range(0, clientCount)
                .mapToObj(client -> {
                    String email = "reader-" + client + "-" + UUID.randomUUID() + "@example.com";
                    accounts.registered(email, PASSWORD);
                    return accounts.accessToken(email, PASSWORD);
                })
                .toList();
        tokens.forEach(token -> clients.execute(() -> {
            ProjectsApi projects = ProjectsApi.at(gatewayUrl, token);
            List<Supplier<EntityExchangeResult<byte[]>>> reads = List.of(
                    () -> projects.get("/api/projects").expectBody().returnResult(),
                    () -> accounts.me(token).expectBody().returnResult());
            int n = 0;
            while (running.get() && System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                String outcome = outcome(reads.get(n++ % reads.size()));
                if (outcome.equals(WHOLE)) {
                    answered.incrementAndGet();
                } else {
                    errors.add(new RequestTime(sent, System.nanoTime(), outcome));
                }
                LockSupport.parkNanos(sent + INTERVAL.toNanos() - System.nanoTime());
            }
        }));
    }

    /** Signs {@code clients} new users in, then starts them reading, for {@code limit} at most. */
    static Reads start(String gatewayUrl, int clients, Duration limit) {
        return new Reads(gatewayUrl, clients, limit);
    }

    /** {@link #WHOLE} for a 200 without a {@code Warning}; else the status, the warning, or the exception. */
    private static String outcome(Supplier<EntityExchangeResult<byte[]>> read) {
        try {
            EntityExchangeResult<byte[]> answer = read.get();
            String warning = answer.getResponseHeaders().getFirst(HttpHeaders.WARNING);
            if (answer.getStatus().value() != 200) {
                return answer.getStatus().toString();
            }
            return warning == null ? WHOLE : "200 with Warning: " + warning;
        } catch (RuntimeException noAnswer) {
            return noAnswer.toString();
        }
    }

    /** Waits until {@code more} reads beyond those made so far have been answered. */
    void awaitMore(int more) {
        int target = answered.get() + more;
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> answered.get() >= target || !running.get());
    }

    /** Stops the clients and waits for their last requests to be answered. */
    Result stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return new Result(answered.get() + errors.size(), List.copyOf(errors));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** How many reads were made, and when each that was not a whole 200 was. */
    record Result(int requests, List<RequestTime> errors) {}
}
