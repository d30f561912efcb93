package dev.tasksandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The meters the relay and projects-service register in code, read from their sources. */
final class Meters {

    /** A meter registered in code: {@code Type.builder("name")} or a registry's {@code counter("name")}. */
    private static final Pattern METER =
            Pattern.compile("(?:(\\w+)\\.builder|\\.(counter|timer|gauge|summary))\\(\\s*\"([a-z][a-z0-9.]*)\"");

    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([a-z]+)\"\\)");

    private Meters() {}

    /**
     * The series the meters of the relay and of projects-service appear as in Prometheus: the meter's name with
     * underscores, its base unit appended (seconds for timers), and _total for counters, as Micrometer's Prometheus
     * registry names them.
     */
    static Set<String> publishedSeries() throws IOException {
        Set<String> series = new TreeSet<>();
        for (String sources : List.of("outbox-relay/src/main/java", "projects-service/src/main/java")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(StackFiles.ROOT.resolve(sources))) {
                files = walk.filter(file -> file.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                String code = Files.readString(file);
                Matcher meter = METER.matcher(code);
                while (meter.find()) {
                    boolean builder = meter.group(1) != null;
                    String unit = "";
                    if (builder) {
                        int register = code.indexOf(".register(", meter.end());
                        Matcher baseUnit =
                                BASE_UNIT.matcher(code.substring(meter.end(), Math.max(register, meter.end())));
                        unit = baseUnit.find() ? "_" + baseUnit.group(1) : "";
                    }
                    String type = builder ? meter.group(1) : meter.group(2);
                    series.addAll(prometheusSeries(meter.group(3).replace('.', '_'), type, unit));
                }
            }
        }
        assertThat(series).as("meters found in the code").isNotEmpty();
        return series;
    }

    private static List<String> prometheusSeries(String name, String type, String unit) {
        return switch (type) {
            case "Counter", "FunctionCounter", "counter" -> List.of(name + unit + "_total");
            case "Gauge", "gauge" -> List.of(name + unit);
            case "TimeGauge" -> List.of(name + "_seconds");
            case "Timer", "FunctionTimer", "timer" ->
                Stream.of("_count", "_sum", "_max", "_bucket")
                        .map(suffix -> name + "_seconds" + suffix)
                        .toList();
            case "DistributionSummary", "summary" ->
                Stream.of("_count", "_sum", "_max", "_bucket")
                        .map(suffix -> name + unit + suffix)
                        .toList();
            default -> throw new AssertionError("a kind of meter the test does not name: " + type + " " + name);
        };
    }
}
