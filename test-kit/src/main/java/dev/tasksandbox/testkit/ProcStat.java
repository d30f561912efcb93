package dev.tasksandbox.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU counters of one process or thread, as Linux's {@code /proc/<pid>/stat} (or {@code .../task/<tid>/stat})
 * has them: in clock ticks, counted after the command name's closing parenthesis, which may itself hold spaces.
 */
final class ProcStat {

    /** The kernel's clock ticks a second, as {@code /proc} counts CPU time; 100 on every Linux this runs on. */
    static final long TICKS_PER_SECOND = 100;

    /** The fields from the third ({@code state}) on: field n of proc(5) is at index n - 3. */
    private final String[] fields;

    private ProcStat(String[] fields) {
        this.fields = fields;
    }

    /** The counters in {@code directory} ({@code /proc/<pid>} or a thread's under it); empty once it has ended. */
    static Optional<ProcStat> of(Path directory) {
        try {
            String stat = Files.readString(directory.resolve("stat"));
            return Optional.of(
                    new ProcStat(stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1)));
        } catch (IOException | RuntimeException ended) {
            return Optional.empty(); // ended, or not Linux
        }
    }

    static Path ofProcess(ProcessHandle process) {
        return Path.of("/proc", Long.toString(process.pid()));
    }

    /** utime + stime: its own CPU (fields 14 and 15). */
    long cpuTicks() {
        return field(14) + field(15);
    }

    /** cutime + cstime: the CPU of the children it waited for (fields 16 and 17). */
    long reapedChildrenTicks() {
        return field(16) + field(17);
    }

    static Duration duration(long ticks) {
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private long field(int number) {
        return Long.parseLong(fields[number - 3]);
    }
}
