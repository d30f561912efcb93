package dev.tasksandbox.systemtests;

import dev.tasksandbox.testkit.AccountsApi;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Several clients registering through the gateway, one after another each, until stopped: what a fault scenario
 * does to the running system while it happens. It remembers every user the API acknowledged (201) and counts
 * every answer a client saw that was not one. Bounded: it stops by itself after {@code limit}.
 *
 * <p>Each client sends at most one request per {@link #INTERVAL}, whether its last one succeeded or failed fast.
 * The suite needs steady traffic through each fault, not saturation: an unpaced loop kept both cores busy (and,
 * while a service was down, spun through thousands of refusals a minute), so the JVMs a scenario restarts took
 * up to 15 times their usual start-up and the scenario ran past its bounds.
 */
final class Registrations implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final String PASSWORD = "correct horse battery";

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Queue<RequestTime> refused = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final long deadline;

    private Registrations(String gatewayUrl, int clientCount, Duration limit, String run) {
        this.deadline = System.nanoTime() + limit.toNanos();
        this.clients = Executors.newFixedThreadPool(clientCount);
        AccountsApi accounts = AccountsApi.at(gatewayUrl);
        IntStream.range(0, clientCount)
                .forEach(client -> clients.execute(() -> {
                    int n = 0;
                    while (running.get() && System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        long next = sent + INTERVAL.toNanos();
                        String email = run + "-" + client + "-" + n++ + "-" + UUID.randomUUID() + "@example.com";
                        AccountsApi.Registration attempt = accounts.attemptRegistration(email, PASSWORD);
                        String id = attempt.id();
                        if (id != null) {
                            acknowledged.add(id);
                        } else {
                            refused.add(new RequestTime(sent, System.nanoTime(), attempt.outcome()));
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                    }
                }));
    }

    static Registrations start(String gatewayUrl, int clients, Duration limit, String run) {
        return new Registrations(gatewayUrl, clients, limit, run);
    }

    /** Waits until {@code more} registrations beyond those acknowledged so far have been acknowledged. */
    void awaitMore(int more) {
        awaitGrowth(acknowledged::size, more);
    }

    /** Waits until {@code more} registrations beyond those refused so far have been refused: the fault bites. */
    void awaitMoreRefused(int more) {
        awaitGrowth(refused::size, more);
    }

    private void awaitGrowth(java.util.function.IntSupplier count, int more) {
        int target = count.getAsInt() + more;
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count.getAsInt() >= target || !running.get());
    }

    /** Stops the clients and waits for their last requests to be answered. */
    Result stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return new Result(Set.copyOf(acknowledged), List.copyOf(refused));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Users the API acknowledged, and when each request that got no 201 (an error a client saw) was made. */
    record Result(Set<String> acknowledged, List<RequestTime> errors) {

        int clientErrors() {
            return errors.size();
        }

        List<String> sample() {
            return acknowledged.stream().limit(3).toList();
        }
    }
}
