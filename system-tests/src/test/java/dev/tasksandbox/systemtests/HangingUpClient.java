package dev.tasksandbox.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A client that hangs up, over a raw socket: what an impatient phone, a proxy's timeout or a closed browser tab
 * does to a request. Hanging up is a TCP reset (linger 0), the hardest way to go.
 */
final class HangingUpClient {

    private final URI base;

    HangingUpClient(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /**
     * Sends the headers (promising more body than will come) with {@code Expect: 100-continue}, waits until the
     * server reads the body (its "100 Continue") or answers without it, sends half the body and hangs up.
     */
    void midBody(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, bytes.length + 100, "Expect: 100-continue\r\n"));
            out.flush();
            readSome(socket.getInputStream());
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
            out.flush();
            hangUp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the whole request and hangs up, at once ({@code waitForAnswer} false) or once the answer has started
     * to arrive.
     */
    void midAnswer(String method, String path, Map<String, String> headers, String body, boolean waitForAnswer) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, bytes.length, ""));
            out.write(bytes);
            out.flush();
            if (waitForAnswer) {
                readSome(socket.getInputStream());
            }
            hangUp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private byte[] head(String method, String path, Map<String, String> headers, int contentLength, String extra) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(base.getAuthority())
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ")
                .append(contentLength)
                .append("\r\n")
                .append(extra)
                .append("\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void readSome(InputStream in) throws IOException {
        if (in.read(new byte[64]) < 0) {
            throw new IOException("The server closed the connection before answering");
        }
    }

    /** Closes with a reset instead of an orderly FIN: whatever the server still writes meets a closed door. */
    private static void hangUp(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
