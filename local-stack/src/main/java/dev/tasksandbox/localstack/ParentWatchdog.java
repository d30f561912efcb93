package dev.tasksandbox.localstack;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM that must not outlive its parent: runs the real main class, and exits
 * (running shutdown hooks) as soon as stdin reaches end of file, which happens when the parent dies,
 * even by SIGKILL. Usage: {@code ParentWatchdog <main class> [arguments...]}.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent never writes; keep reading until the pipe closes
                        }
                    } catch (IOException ignored) {
                        // a broken pipe means the same as end of file
                    }
                    System.exit(0);
                },
                "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
