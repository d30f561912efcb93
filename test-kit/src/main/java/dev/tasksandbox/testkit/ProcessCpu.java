package dev.tasksandbox.testkit;

import dev.tasksandbox.localstack.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The CPU time processes spent over a measured stretch, as the operating system counts it: the figure that stays
 * comparable on a machine whose speed varies, where requests or events per second do not. A process's CPU includes
 * that of its live descendants (PostgreSQL's backends and WAL senders), less the descendants measured on their own
 * (a test JVM's Kafka broker).
 */
public final class ProcessCpu {

    private final List<String> names;
    private final List<ProcessHandle> processes;
    private final List<Duration> atStart;

    private ProcessCpu(Map<String, ProcessHandle> processes) {
        this.names = List.copyOf(processes.keySet());
        this.processes = List.copyOf(processes.values());
        this.atStart = spent();
    }

    /** Starts counting, for each named process. */
    public static ProcessCpu of(Map<String, ProcessHandle> processes) {
        return new ProcessCpu(processes);
    }

    /** Starts counting for {@code services}, then PostgreSQL and Kafka where they run on this machine. */
    public static ProcessCpu of(Map<String, ProcessHandle> services, Infrastructure infrastructure) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>(services);
        infrastructure.postgresProcess().ifPresent(postgres -> processes.put("postgres", postgres));
        infrastructure.kafkaProcess().ifPresent(kafka -> processes.put("kafka", kafka));
        return new ProcessCpu(processes);
    }

    /** CPU milliseconds per unit of work (request, event) of each process since counting started, in order. */
    public Map<String, Double> millisPer(long units) {
        List<Duration> now = spent();
        return IntStream.range(0, names.size())
                .boxed()
                .collect(Collectors.toMap(
                        names::get,
                        i -> now.get(i).minus(atStart.get(i)).toNanos() / 1e6 / units,
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** The same, as one line: {@code name 0.123 name 0.045} (milliseconds per unit). */
    public String line(long units) {
        return millisPer(units).entrySet().stream()
                .map(entry -> String.format("%s %.3f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(" "));
    }

    private List<Duration> spent() {
        List<Duration> trees = processes.stream().map(ProcessCpu::treeOf).toList();
        List<Duration> spent = new ArrayList<>();
        for (ProcessHandle process : processes) {
            Duration own = trees.get(processes.indexOf(process));
            for (ProcessHandle descendant : process.descendants().toList()) {
                int measuredApart = processes.indexOf(descendant);
                if (measuredApart >= 0) {
                    own = own.minus(trees.get(measuredApart));
                }
            }
            spent.add(own);
        }
        return spent;
    }

    /**
     * The process's CPU, its live descendants', and that of the children it reaped (PostgreSQL's backends that
     * ended during the run would otherwise take their CPU with them).
     */
    private static Duration treeOf(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .map(handle ->
                        handle.info().totalCpuDuration().orElse(Duration.ZERO).plus(reapedChildren(handle)))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration reapedChildren(ProcessHandle process) {
        return ProcStat.of(ProcStat.ofProcess(process))
                .map(stat -> ProcStat.duration(stat.reapedChildrenTicks()))
                .orElse(Duration.ZERO); // ended, or not Linux: its reaped children are not counted
    }
}
