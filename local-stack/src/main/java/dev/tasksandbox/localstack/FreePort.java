package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers started by the stack and its tests. */
public final class FreePort {

    private FreePort() {}

    /** The given port, or when it is 0, one the OS reports free right now. */
    public static int orAny(int port) {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
