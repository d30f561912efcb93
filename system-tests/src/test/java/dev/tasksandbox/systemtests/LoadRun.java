package dev.tasksandbox.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/** A closed-loop load: each client sends its next request when the last one is answered, for a fixed time. */
final class LoadRun {

    /** One request of client {@code n}: returns the HTTP status. */
    interface Request {
        int send() throws Exception;
    }

    record Result(int requests, int failures, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%.0f requests/s (%d in %.0f s, %d not as expected), p50 %.1f ms, p99 %.1f ms",
                    perSecond(), requests, seconds, failures, p50Millis, p99Millis);
        }
    }

    private LoadRun() {}

    static Result run(int clients, Duration duration, int expectedStatus, IntFunction<Request> requestOfClient)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            Request request = requestOfClient.apply(client);
            results.add(threads.submit(() -> {
                List<long[]> samples = new ArrayList<>();
                while (running.get()) {
                    long start = System.nanoTime();
                    int status = request.send();
                    samples.add(new long[] {System.nanoTime() - start, status});
                }
                return samples;
            }));
        }
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
        running.set(false);
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (Future<List<long[]>> result : results) {
            for (long[] sample : result.get()) {
                latencies.add(sample[0]);
                failures += sample[1] == expectedStatus ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        Collections.sort(latencies);
        return new Result(
                latencies.size(),
                failures,
                seconds,
                latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }
}
