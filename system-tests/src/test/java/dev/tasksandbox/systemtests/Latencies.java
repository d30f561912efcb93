package dev.tasksandbox.systemtests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How a benchmark of this module reports a set of latencies: the same percentiles, computed one way. */
final class Latencies {

    private Latencies() {}

    /** "p50 x ms, p90 x ms, p99 x ms, max x ms" of {@code millis}, which must not be empty. */
    static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                ofSorted(sorted, 50), ofSorted(sorted, 90), ofSorted(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** The {@code percentile}th percentile of {@code millis}, which must not be empty. */
    static double percentile(List<Double> millis, int percentile) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return ofSorted(sorted, percentile);
    }

    private static double ofSorted(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
