package dev.tasksandbox.systemtests;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the processes the system tests start write their output: {@code target/system-test-logs/<name>.log}. */
final class SystemTestLogs {

    private SystemTestLogs() {}

    /** The log file named {@code name}, its directory made if need be. */
    static Path file(String name) {
        try {
            return Files.createDirectories(Path.of("target", "system-test-logs"))
                    .resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream onto {@code file}, flushed on every line; {@code append} false starts it empty. */
    static PrintStream writingTo(Path file, boolean append) {
        try {
            return new PrintStream(new FileOutputStream(file.toFile(), append), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
