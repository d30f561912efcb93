package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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
