package dev.tasksandbox.systemtests;

import static dev.tasksandbox.systemtests.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up, mid-body and mid-answer, against each service and the gateway, on a stack of its own whose
 * JVMs run Netty's leak detector at its most thorough ({@code paranoid}: every buffer tracked). A client that
 * goes away is not an error: no ERROR line, no stack trace, no answer written to it, and no buffer leaked.
 * Its three services are its own, in front of the test JVM's PostgreSQL and Kafka (which the shared stack, when other
 * tests run it, uses too: this accounts instance then stands by for the relay, and the consumers share partitions).
 */
class ClientAbortIT {

    private static final String PARANOID = "-Dio.netty.leakDetection.level=paranoid";
    /** Aborted requests of each kind, per part: several hundred per part in all ({@code -Daborts.rounds} for more). */
    private static final int ROUNDS = Integer.getInteger("aborts.rounds", 110);

    private static Stack stack;
    private static Map<String, String> bearer;
    private static String project;

    @BeforeAll
    static void startParanoidStack() {
        stack = new Stack("client-aborts", Map.of("JAVA_TOOL_OPTIONS", PARANOID)).start();
        Api gateway = new Api(stack.gatewayUrl());
        String token = gateway.newUser("hang-up").accessToken();
        bearer = Map.of("Authorization", "Bearer " + token);
        Api owner = gateway.withToken(token);
        for (int i = 0; i < 100; i++) { // a list long enough that its answer is still being written when cut
            owner.post("/api/projects", body("name", "Project number " + i));
        }
        project = owner.post("/api/projects", body("name", "Hung up on")).header("Location");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void hundreds_of_clients_hanging_up_leave_no_leak_no_error_and_no_answer_written() throws Exception {
        hangUpOnEveryPart(ROUNDS);

        for (ServiceProcess service : stack.services()) {
            collectGarbage(service); // a leaked buffer is reported once collected, at a later allocation
        }
        String marker = answeredAfterwards();
        await().atMost(Duration.ofSeconds(30)).until(() -> log().contains(marker));

        String log = log();
        int[] hungUp = hungUpPerPart(log);
        System.out.printf(
                "ABORTS %d rounds: access lines with 499 (client closed request): gateway %d, accounts %d, projects %d;"
                        + " LEAK reports %d, ERROR lines %d%n",
                ROUNDS, hungUp[0], hungUp[1], hungUp[2], count(log, "LEAK:"), count(log, " ERROR "));
        assertThat(Arrays.stream(hungUp).min().orElseThrow())
                .as("aborts seen as such by the part that saw fewest")
                .isGreaterThan(ROUNDS);
        assertThat(excerpts(log, "LEAK:", " ERROR ", "\tat "))
                .as("leak reports, ERROR lines and stack traces, each with the lines that follow it")
                .isEmpty();
    }

    /**
     * Five minutes (or {@code -Dsoak.minutes}) of normal and hung-up requests side by side, sampling the direct
     * memory each part holds: it must level off, not grow with the number of requests served.
     */
    @Test
    @Tag("benchmark")
    void direct_memory_stays_flat_through_a_soak_of_normal_and_hung_up_requests() throws Exception {
        long deadline = System.nanoTime()
                + Duration.ofMinutes(Long.getLong("soak.minutes", 5)).toNanos();
        long started = System.nanoTime();
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(
                () -> {
                    long[] sample = directMemory();
                    samples.add(sample);
                    printSample(String.format("%3d s", (System.nanoTime() - started) / 1_000_000_000L), sample);
                },
                0,
                30,
                TimeUnit.SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> load = List.of(
                clients.submit(() -> normalTraffic(deadline)),
                clients.submit(() -> normalTraffic(deadline)),
                clients.submit(() -> hangingUp(deadline)),
                clients.submit(() -> hangingUp(deadline)));
        int requests = 0;
        for (Future<Integer> client : load) {
            requests += client.get();
        }
        clients.shutdown();
        sampling.cancel(false);
        sampler.shutdown();
        long[] last = directMemory();
        printSample("end after " + requests + " requests, normal and hung up;", last);

        List<long[]> firstHalf = new ArrayList<>(samples.subList(0, samples.size() / 2));
        for (int i = 0; i < last.length; i++) {
            int part = i;
            long peak =
                    firstHalf.stream().mapToLong(sample -> sample[part]).max().orElseThrow();
            assertThat(last[i])
                    .as("direct memory %d after the soak, against the first half's peak", i)
                    .isLessThanOrEqualTo(peak + GROWTH_ALLOWANCE);
        }
        assertThat(excerpts(log(), "LEAK:")).as("leak reports").isEmpty();
    }

    private static void printSample(String when, long[] sample) {
        System.out.printf(
                "SOAK %s direct memory in MiB (netty / jvm): gateway %.1f / %.1f, accounts %.1f / %.1f,"
                        + " projects %.1f / %.1f%n",
                when, mib(sample[0]), mib(sample[1]), mib(sample[2]), mib(sample[3]), mib(sample[4]), mib(sample[5]));
    }

    /** One more chunk of Netty's allocator: pools grow in chunks, and a busy moment may take one more. */
    private static final long GROWTH_ALLOWANCE = 4L * 1024 * 1024;

    private static void hangUpOnEveryPart(int rounds) {
        HangingUpClient gateway = new HangingUpClient(stack.gatewayUrl());
        HangingUpClient accounts = new HangingUpClient(stack.accountsUrl());
        HangingUpClient projects = new HangingUpClient(stack.projectsUrl());
        for (int i = 0; i < rounds; i++) {
            for (HangingUpClient part : List.of(gateway, projects)) {
                part.midBody("POST", "/api/projects", json(bearer), "{\"name\":\"Never finished\"}");
                part.midAnswer("GET", "/api/projects?limit=500", bearer, "", false);
                part.midAnswer("GET", "/api/projects?limit=500", bearer, "", true);
                part.midAnswer("POST", project + "/tasks", json(bearer), "{\"name\":\"Never seen\"}", false);
            }
            for (HangingUpClient part : List.of(gateway, accounts)) {
                String registration =
                        "{\"email\":\"gone-" + UUID.randomUUID() + "@example.com\"," + "\"password\":\"long enough\"}";
                part.midBody("POST", "/api/users", json(Map.of()), registration);
                part.midAnswer("GET", "/api/users/me", bearer, "", false);
                part.midAnswer(
                        "POST",
                        "/api/users/login",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "username=nobody@example.com&password=wrong+horse",
                        false);
            }
        }
    }

    private static int normalTraffic(long deadline) {
        Api gateway = new Api(stack.gatewayUrl())
                .withToken(bearer.get("Authorization").substring(7));
        int requests = 0;
        while (System.nanoTime() < deadline) {
            gateway.get(project + "/tasks");
            gateway.post(project + "/tasks", body("name", "Soaked task"));
            gateway.get("/api/users/me");
            requests += 3;
        }
        return requests;
    }

    private static int hangingUp(long deadline) {
        int requests = 0;
        while (System.nanoTime() < deadline) {
            hangUpOnEveryPart(1);
            requests += 14;
        }
        return requests;
    }

    /** Per part, Netty's and the JVM's direct memory: gateway, accounts, projects. */
    private static long[] directMemory() {
        long[] sample = new long[6];
        List<ServiceProcess> services = stack.services();
        for (int i = 0; i < services.size(); i++) {
            String metrics =
                    new Api(services.get(i).managementUrl()).get("/prometheus").body();
            sample[2 * i] = (long) gauge(metrics, "netty_allocator_memory_used_bytes{memory=\"direct\"}");
            sample[2 * i + 1] = (long) gauge(metrics, "jvm_buffer_memory_used_bytes{id=\"direct\"}");
        }
        return sample;
    }

    private static double gauge(String metrics, String series) {
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(value.find()).as(series).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static void collectGarbage(ServiceProcess service) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process gc = new ProcessBuilder(jcmd, Long.toString(service.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(gc.waitFor()).as("jcmd GC.run").isZero();
    }

    /** Normal requests to every part after the garbage collection; returns a path that ends up in the log. */
    private static String answeredAfterwards() {
        Api gateway = new Api(stack.gatewayUrl())
                .withToken(bearer.get("Authorization").substring(7));
        for (int i = 0; i < 20; i++) {
            assertThat(gateway.get(project + "/tasks").status()).isEqualTo(200);
            assertThat(gateway.get("/api/users/me").status()).isEqualTo(200);
        }
        String marker = "/api/projects/" + UUID.randomUUID();
        assertThat(gateway.get(marker).status()).isEqualTo(404);
        return marker;
    }

    private static int[] hungUpPerPart(String log) {
        return new int[] {
            count(log, "gateway  |", " 499 "), count(log, "accounts |", " 499 "), count(log, "projects |", " 499 ")
        };
    }

    private static int count(String log, String... allOf) {
        return (int) log.lines()
                .filter(line -> List.of(allOf).stream().allMatch(line::contains))
                .count();
    }

    /**
     * Each line holding one of {@code markers} with the lines after it (a leak report's access records, a stack
     * trace): what a failure shows, where the whole log would be cut short by the output that carries it.
     */
    private static List<String> excerpts(String log, String... markers) {
        List<String> lines = log.lines().toList();
        List<String> excerpts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Arrays.stream(markers).anyMatch(line::contains)) {
                int end = Math.min(lines.size(), i + EXCERPT_LINES);
                excerpts.add(String.join("\n", lines.subList(i, end)));
                i = end - 1;
            }
        }
        return excerpts;
    }

    /** Enough for a leak report's last access records, each a few frames deep. */
    private static final int EXCERPT_LINES = 60;

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> with = new java.util.HashMap<>(headers);
        with.put("Content-Type", "application/json");
        return with;
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static String log() throws IOException {
        return Files.readString(stack.serviceLog(), StandardCharsets.UTF_8);
    }
}
