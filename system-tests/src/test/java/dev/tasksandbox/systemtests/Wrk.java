package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from {@code wrk} (Debian's package), a process of its own written in C: unlike a load client in this JVM,
 * it takes little of the two cores the stack under test runs on, so what is measured is the stack.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /** What one run measured. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long failures) {

        @Override
        public String toString() {
            return String.format(
                    "%.0f req/s, p50 %.2f ms, p99 %.2f ms (%d requests, %d failed)",
                    requestsPerSecond, p50Millis, p99Millis, requests, failures);
        }
    }

    /** GETs {@code url} with {@code headers} from {@code connections} connections for {@code duration}. */
    static Result get(String url, Map<String, String> headers, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s"));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrk.exitValue()).as(output).isZero();
        return new Result(
                Double.parseDouble(find(RATE, output)),
                percentile(output, "50%"),
                percentile(output, "99%"),
                Long.parseLong(find(TOTAL, output)),
                failures(output));
    }

    private static long failures(String output) {
        long failures = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            failures += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                failures += Long.parseLong(socket.group(group));
            }
        }
        return failures;
    }

    /** A line of wrk's latency distribution, such as {@code 99%   12.30ms}, in milliseconds. */
    private static double percentile(String output, String percentile) {
        Matcher line = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)")
                .matcher(output);
        assertThat(line.find()).as(output).isTrue();
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }
}
