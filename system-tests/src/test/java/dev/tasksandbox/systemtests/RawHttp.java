package dev.tasksandbox.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, as an attacker writes it: no client library normalizes the path, drops
 * a header it thinks wrong or refuses a request it thinks malformed. One request per connection.
 */
final class RawHttp {

    /** The status line's code and everything that came after it, headers and body. */
    record Answer(int status, String rest) {}

    private final URI base;

    RawHttp(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /** Sends {@code request} exactly as given: request line, headers and body, CRLFs included. */
    Answer exchange(String request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = readAll(socket.getInputStream());
            if (!answer.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("Not an HTTP answer: " + answer);
            }
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer.substring(12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request line and headers for {@code method path}, closing the connection after the answer. */
    String head(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n";
    }

    /** Reads until the server closes the connection, or until a complete answer with a Content-Length. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            received.write(chunk, 0, read);
            if (complete(received.toString(StandardCharsets.UTF_8))) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String header : answer.substring(0, end).split("\r\n", -1)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                int length = Integer.parseInt(header.substring(15).strip());
                return answer.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
            }
        }
        return false;
    }
}
