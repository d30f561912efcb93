package dev.tasksandbox.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    private static final ProcessHandle THIS_JVM = ProcessHandle.current();

    @Test
    void a_process_cpu_is_what_the_jdk_reads_for_it() {
        Duration jdk = THIS_JVM.info().totalCpuDuration().orElseThrow();
        Duration proc = ProcStat.duration(read(THIS_JVM).cpuTicks());
        Duration jdkAfter = THIS_JVM.info().totalCpuDuration().orElseThrow();

        // /proc counts in whole ticks (10 ms), read between the JDK's two readings
        assertThat(proc).isBetween(jdk.minusMillis(10), jdkAfter.plusMillis(10));
    }

    @Test
    void a_child_that_burned_cpu_and_was_waited_for_counts_as_reaped_by_its_parent() throws Exception {
        long before = read(THIS_JVM).reapedChildrenTicks();

        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done")
                .inheritIO()
                .start();
        assertThat(child.waitFor()).isZero();

        assertThat(read(THIS_JVM).reapedChildrenTicks()).isGreaterThan(before);
    }

    @Test
    void a_process_that_ended_has_no_counters() throws Exception {
        Process child = new ProcessBuilder("true").start();
        ProcessHandle ended = child.toHandle();
        child.waitFor();

        assertThat(ProcStat.of(ProcStat.ofProcess(ended))).isEqualTo(Optional.empty());
    }

    private static ProcStat read(ProcessHandle process) {
        return ProcStat.of(ProcStat.ofProcess(process)).orElseThrow();
    }
}
