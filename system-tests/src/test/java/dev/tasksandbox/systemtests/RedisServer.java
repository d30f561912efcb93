package dev.tasksandbox.systemtests;

import static org.awaitility.Awaitility.await;

import dev.tasksandbox.localstack.FreePort;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis (Debian's {@code redis-server}) as a child process on a free loopback port, without persistence
 * and with a password.
 * Where it is not installed the tests that need it are skipped, unless {@code REQUIRE_REDIS=true} (CI sets it,
 * having installed it): then they fail.
 */
final class RedisServer implements AutoCloseable {

    private static final Duration START_BOUND = Duration.ofSeconds(20);

    private final int port = FreePort.orAny(0);
    /** With a password, as compose and Kubernetes run it: the URL form {@code redis://:password@host} is tested. */
    private final String password = UUID.randomUUID().toString().replace("-", "");

    private final Process process;

    private RedisServer() {
        try {
            Path log = SystemTestLogs.file("redis");
            process = new ProcessBuilder(List.of(
                            executable(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--requirepass",
                            password))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(START_BOUND).pollInterval(Duration.ofMillis(50)).until(this::accepting);
    }

    static RedisServer start() {
        return new RedisServer();
    }

    private static String executable() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            Path candidate = Path.of(directory, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        boolean required = "true".equals(System.getenv("REQUIRE_REDIS"));
        if (required) {
            throw new IllegalStateException("redis-server is not installed (apt-get install redis-server)");
        }
        return Assumptions.abort("redis-server is not installed; set REQUIRE_REDIS=true to fail instead");
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The address the gateway's {@code REDIS_URL} takes. */
    String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
