package dev.tasksandbox.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Warms a JVM until its JIT has settled, before anything is measured. On two cores a JVM's one C2 thread needs
 * minutes of load to compile what the load makes hot, and until then a request or an event costs several times
 * its settled CPU: a fixed warm-up measures the JIT, not the code. Settled: the C2 compiler threads spent under
 * {@link #SETTLED_SHARE} of a pass's wall time compiling. Linux only (it reads {@code /proc}).
 */
public final class JitSettling {

    /** The C2 threads' share of a pass under which the JIT counts as settled. */
    public static final double SETTLED_SHARE = 0.02;

    private final List<ProcessHandle> jvms;

    private JitSettling(List<ProcessHandle> jvms) {
        this.jvms = List.copyOf(jvms);
    }

    /** Settled when the JIT of every one of {@code jvms} is. */
    public static JitSettling of(ProcessHandle... jvms) {
        return new JitSettling(List.of(jvms));
    }

    /**
     * Runs {@code pass} until the C2 threads were idle enough during one, or {@code maxPasses} were run; prints a
     * line per pass. Says how many passes it took and whether the JIT settled.
     */
    public Warmed warm(Runnable pass, int maxPasses) {
        for (int passes = 1; passes <= maxPasses; passes++) {
            List<Long> compiledBefore =
                    jvms.stream().map(JitSettling::compilerTicks).toList();
            long started = System.nanoTime();
            pass.run();
            double wallTicks = (System.nanoTime() - started) / 1e9 * ProcStat.TICKS_PER_SECOND;
            double share = 0;
            for (int i = 0; i < jvms.size(); i++) {
                share = Math.max(share, (compilerTicks(jvms.get(i)) - compiledBefore.get(i)) / wallTicks);
            }
            System.out.printf("warm-up pass %d: C2 busy %.1f %% of it (the busiest JVM's)%n", passes, share * 100);
            if (share < SETTLED_SHARE) {
                return new Warmed(passes, true);
            }
        }
        System.out.printf(
                "the JIT did not settle within %d warm-up passes: the figures that follow are not settled%n",
                maxPasses);
        return new Warmed(maxPasses, false);
    }

    /** How a warm-up ended: a figure measured after it says which, so an unsettled run is not read as settled. */
    public record Warmed(int passes, boolean settled) {

        /** "settled after 12 warm-up bursts" or "NOT settled after 40 warm-up bursts", for a figure's line. */
        public String after(String passesOf) {
            return (settled ? "settled" : "NOT settled") + " after " + passes + " " + passesOf;
        }
    }

    private static long compilerTicks(ProcessHandle jvm) {
        try (Stream<Path> threads = Files.list(ProcStat.ofProcess(jvm).resolve("task"))) {
            return threads.filter(JitSettling::isC2Compiler)
                    .mapToLong(JitSettling::cpuTicks)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isC2Compiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).startsWith("C2 Compiler");
        } catch (IOException threadEnded) {
            return false;
        }
    }

    private static long cpuTicks(Path thread) {
        return ProcStat.of(thread).map(ProcStat::cpuTicks).orElse(0L); // a thread that ended is not compiling
    }
}
