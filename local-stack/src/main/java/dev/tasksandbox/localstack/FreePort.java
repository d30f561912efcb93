package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for servers started by the stack and its tests, chosen before the server binds them.
 *
 * <p>A port the kernel picks ({@code new ServerSocket(0)}) lies in its ephemeral range, the range every outgoing
 * connection takes its local port from: between the choice and the server's bind, seconds later, a client socket of
 * the same stack (to Kafka, PostgreSQL, another service) can take it, and the server fails with "port already in
 * use". So the ports come from below that range, where only a server that asks for a port by number gets one; each
 * is handed out once per JVM, starting at a random place so that two JVMs rarely meet, and checked free.
 */
public final class FreePort {

    /** Low enough for ample room, high enough to stay clear of the well-known ports a local stack uses. */
    static final int LOWEST = 20_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range; other systems start theirs higher. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;

    private static final int SPAN = ephemeralStart() - LOWEST;
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(Math.max(SPAN, 1)));

    private FreePort() {}

    /** The given port, or when it is 0, one free right now that no outgoing connection will take. */
    public static int orAny(int port) {
        if (port > 0) {
            return port;
        }
        if (SPAN < 1_000) {
            // A kernel configured to hand out (nearly) every port leaves no such room: take its pick and the race.
            return kernelsPick();
        }
        for (int tried = 0; tried < SPAN; tried++) {
            int candidate = LOWEST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
            if (isFree(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free port from " + LOWEST + " up to the ephemeral range");
    }

    /** Where the kernel's ephemeral range starts: the end of the ports handed out here. */
    static int ephemeralStart() {
        try {
            // readString gave one byte of it here (/proc gives its size as 0); readAllLines reads it all
            String range = String.join(" ", Files.readAllLines(EPHEMERAL_RANGE));
            return Integer.parseInt(range.strip().split("\\s+", -1)[0]);
        } catch (IOException | NumberFormatException notLinux) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return probe.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int kernelsPick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
