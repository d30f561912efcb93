package dev.tasksandbox.systemtests;

import dev.tasksandbox.localstack.ZipkinServer;
import java.nio.file.Path;

/**
 * One real Zipkin for every stack of this test JVM, as {@code ./run-local.sh} runs one for its stack: launched on
 * first use, stopped when the JVM exits. Its output goes to {@code target/system-test-logs/zipkin.log}.
 */
final class SharedZipkin {

    private static ZipkinServer zipkin;

    private SharedZipkin() {}

    /** Zipkin, launched if it was not yet; {@link ZipkinServer#awaitReady()} before reading traces from it. */
    static synchronized ZipkinServer get(Path root) {
        if (zipkin == null) {
            zipkin = ZipkinServer.launch(root, 0, SystemTestLogs.writingTo(SystemTestLogs.file("zipkin"), false));
            Runtime.getRuntime().addShutdownHook(new Thread(zipkin::close, "zipkin-stop"));
        }
        return zipkin;
    }
}
