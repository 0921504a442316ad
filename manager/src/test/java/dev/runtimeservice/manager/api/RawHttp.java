package dev.runtimeservice.manager.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, as {@code curl --path-as-is} would: HTTP clients normalise paths and
 * refuse malformed ones, which is what these tests need to send.
 */
final class RawHttp {

    private RawHttp() {}

    /** Sends {@code request} (with its blank line) and returns the whole answer, headers and body. */
    static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request with {@code Connection: close}, so that the answer ends with the connection. */
    static String send(int port, String method, String target, String... headers) throws IOException {
        StringBuilder request =
                new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return exchange(port, request.append("\r\n").toString());
    }
}
