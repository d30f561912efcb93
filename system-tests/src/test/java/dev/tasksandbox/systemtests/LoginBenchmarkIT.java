package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import dev.tasksandbox.testkit.AccountsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * How close logins get to the hashing limit, and whether hashing stays off the event loop: 8 clients log in flat
 * out for 20 s while one more reads {@code /api/users/me}, whose latency would explode if a bcrypt hash ever ran
 * on an event-loop thread. Run with {@code ./mvnw verify -Pbenchmarks -pl system-tests -am}.
 */
@Tag("benchmark")
@ExtendWith(SharedStack.class)
class LoginBenchmarkIT {

    private static final int CLIENTS = 8;
    private static final int LOGIN_CLIENTS = 2;
    private static final int FLOOD_CLIENTS = 40;
    private static final Duration RUN = Duration.ofSeconds(20);
    private static Stack stack;
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void useStack() {
        stack = SharedStack.get();
    }

    @ParameterizedTest(name = "bcrypt cost {0}")
    @ValueSource(ints = {12, 4})
    void logins_at_full_speed_with_profile_reads_alongside(int cost) throws Exception {
        double hashMillis = medianHashMillis(cost);
        try (ServiceProcess service = stack.startAccountsWithBcryptCost(cost)) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            AccountsApi accounts = AccountsApi.at(service.baseUrl());
            accounts.registered(email, PASSWORD);
            String token = accounts.accessToken(email, PASSWORD);
            accounts.accessToken(email, PASSWORD); // warm the login path once

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<Integer>> loggers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                loggers.add(clients.submit(() -> {
                    int logins = 0;
                    while (running.get()) {
                        accounts.accessToken(email, PASSWORD);
                        logins++;
                    }
                    return logins;
                }));
            }
            Api me = new Api(service.baseUrl()).withToken(token);
            Future<List<Long>> reads = clients.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                while (running.get()) {
                    long start = System.nanoTime();
                    assertThat(me.get("/api/users/me").status()).isEqualTo(200);
                    nanos.add(System.nanoTime() - start);
                }
                return nanos;
            });
            long started = System.nanoTime();
            java.util.concurrent.locks.LockSupport.parkNanos(RUN.toNanos());
            running.set(false);
            int logins = 0;
            for (Future<Integer> logger : loggers) {
                logins += logger.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> readNanos = new ArrayList<>(reads.get());
            clients.shutdown();
            Collections.sort(readNanos);

            System.out.printf(
                    "BENCHMARK login at bcrypt cost %d: %.1f logins/s with %d clients for %.0f s "
                            + "(one hash takes %.1f ms, so %d cores allow about %.1f/s); GET /api/users/me meanwhile: "
                            + "%d reads, p50 %.1f ms, p99 %.1f ms%n",
                    cost,
                    logins / seconds,
                    CLIENTS,
                    seconds,
                    hashMillis,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / hashMillis,
                    readNanos.size(),
                    readNanos.get(readNanos.size() / 2) / 1e6,
                    readNanos.get((int) (readNanos.size() * 0.99)) / 1e6);
            assertThat(logins).isPositive();
        }
    }

    /**
     * Logins are never starved by registrations: 2 clients log in one after another for 20 s, first alone, then
     * while 40 clients register flat out straight at accounts-service (the gateway's limit per address is not
     * what is tested here: a flood from many addresses passes it).
     */
    @Test
    void logins_keep_their_latency_during_a_registration_flood() throws Exception {
        int cost = 12;
        try (ServiceProcess service = stack.startAccountsWithBcryptCost(cost)) {
            AccountsApi accounts = AccountsApi.at(service.baseUrl());
            String email = "flood-" + UUID.randomUUID() + "@example.com";
            accounts.registered(email, PASSWORD);
            accounts.accessToken(email, PASSWORD); // warm the login path once

            List<Double> alone = loginLatencies(accounts, email);
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ExecutorService flood = Executors.newFixedThreadPool(FLOOD_CLIENTS);
            List<Future<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < FLOOD_CLIENTS; i++) {
                registrations.add(flood.submit(() -> {
                    int accepted = 0;
                    while (flooding.get()) {
                        String someone = "flooder-" + UUID.randomUUID() + "@example.com";
                        accepted += accounts.tryRegister(someone, PASSWORD).isPresent() ? 1 : 0;
                        answered.incrementAndGet();
                    }
                    return accepted;
                }));
            }
            // The flood is under way once its registrations queue for the hashing threads: twice as many answered
            // as there are clients, so every client has been through the queue.
            await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() >= 2 * FLOOD_CLIENTS);
            List<Double> flooded = loginLatencies(accounts, email);
            flooding.set(false);
            int accepted = 0;
            for (Future<Integer> registering : registrations) {
                accepted += registering.get();
            }
            flood.shutdown();

            System.out.printf(
                    "BENCHMARK login at bcrypt cost %d, %d clients for %d s: alone %d logins, %s; during %d registering"
                            + " clients (%d registrations accepted) %d logins, %s%n",
                    cost,
                    LOGIN_CLIENTS,
                    RUN.toSeconds(),
                    alone.size(),
                    Latencies.summary(alone),
                    FLOOD_CLIENTS,
                    accepted,
                    flooded.size(),
                    Latencies.summary(flooded));
            assertThat(accepted).as("the flood ran").isPositive();
            assertThat(Latencies.percentile(flooded, 99)).isLessThanOrEqualTo(2 * Latencies.percentile(alone, 99));
        }
    }

    /** Milliseconds of each login by {@link #LOGIN_CLIENTS} clients logging in one after another for {@link #RUN}. */
    private static List<Double> loginLatencies(AccountsApi accounts, String email) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(LOGIN_CLIENTS);
        long end = System.nanoTime() + RUN.toNanos();
        List<Future<List<Double>>> each = new ArrayList<>();
        for (int i = 0; i < LOGIN_CLIENTS; i++) {
            each.add(clients.submit(() -> {
                List<Double> millis = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    accounts.accessToken(email, PASSWORD);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> client : each) {
            all.addAll(client.get());
        }
        clients.shutdown();
        return all;
    }

    private static double medianHashMillis(int cost) {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            encoder.encode("correct horse battery");
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }
}
