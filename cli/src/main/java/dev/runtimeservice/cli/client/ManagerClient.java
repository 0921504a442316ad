package dev.runtimeservice.cli.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manager's HTTP API as the CLI calls it: one base URL, the API key on every call, and every failure turned into
 * either a {@link ManagerProblemException} (the manager answered an error) or a {@link ManagerUnreachableException}.
 *
 * <p>Through the JDK's {@link HttpURLConnection}, not its {@code java.net.http.HttpClient} as in the manager: a
 * command is a JVM of its own that makes one or two calls, and the newer client cost it 0.65 s of the 1.1 s a
 * {@code runtime ls} took on Java 17. Building one sets up TLS even for {@code http:} (about 300 classes), and its
 * selector thread waits in native code, for which the JVM's exit waits 300 ms. This one starts nothing.
 */
public final class ManagerClient {

    /** The header the manager reads its API key from. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final @Nullable String apiKey;

    /**
     * A client of the manager at {@code base}.
     *
     * @param base the manager's URL, such as {@code http://localhost:8000}
     * @param apiKey the manager's API key ({@code RUNTIME_API_KEY}), or null when it needs none
     */
    public ManagerClient(URI base, @Nullable String apiKey) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** The manager's URL, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** GETs {@code path} (with its query) and returns the body of a 2xx answer. */
    public String get(String path) {
        return send("GET", path, null);
    }

    /** POSTs a JSON body to {@code path} and returns the body of a 2xx answer. */
    public String post(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a long answer, such as an event stream, and returns its body as it comes; the caller closes it. Closing
     * it waits for a read under way in another thread to return, so only the thread that reads it closes it.
     *
     * @param path the path and query
     * @param headers extra request headers (Accept, Last-Event-ID)
     */
    public InputStream open(String path, Map<String, String> headers) {
        return open(path, headers, Duration.ZERO);
    }

    /**
     * Opens a long answer as {@link #open(String, Map)} does, whose reads (and the wait for the answer's headers)
     * give up after {@code readTimeout} without bytes with a {@link SocketTimeoutException}; the stream stays usable,
     * and the next read goes on where the last one stopped. So a thread reading it can be told to stop.
     *
     * @param readTimeout how long one read waits; zero waits for ever
     */
    public InputStream open(String path, Map<String, String> headers, Duration readTimeout) {
        HttpURLConnection connection = connect("GET", path, headers, null, readTimeout);
        int status = status(connection);
        if (status >= 300) {
            String error = errorBody(connection);
            connection.disconnect();
            throw ManagerProblemException.of("GET", path, status, error);
        }
        InputStream body = body(connection);
        return new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                super.close();
                connection.disconnect();
            }
        };
    }

    /**
     * The error for a long answer that the manager ended, or whose connection broke, before the command was done:
     * exit code 3, as for a manager that cannot be reached.
     *
     * @param what the answer, such as "the event stream"
     * @param next what to do, such as how to resume
     * @param cause the broken connection's error, or null when the manager ended the answer
     */
    public ManagerUnreachableException lost(String what, String next, @Nullable IOException cause) {
        return ManagerUnreachableException.lost(base, what, next, cause);
    }

    private String send(String method, String path, byte @Nullable [] json) {
        HttpURLConnection connection = connect(
                method,
                path,
                json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                json,
                Duration.ZERO);
        try {
            int status = status(connection);
            if (status >= 300) {
                throw ManagerProblemException.of(method, path, status, errorBody(connection));
            }
            try (InputStream in = body(connection)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ManagerUnreachableException(base, reason(e), e);
            }
        } finally {
            connection.disconnect();
        }
    }

    private HttpURLConnection connect(
            String method, String path, Map<String, String> headers, byte @Nullable [] body, Duration readTimeout) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            if (apiKey != null) {
                connection.setRequestProperty(API_KEY_HEADER, apiKey);
            }
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new ManagerUnreachableException(base, reason(e), e);
        }
    }

    /** The answer's status, which is when a call that was only set up reaches the manager. */
    private int status(HttpURLConnection connection) {
        try {
            return connection.getResponseCode();
        } catch (IOException e) {
            throw new ManagerUnreachableException(base, reason(e), e);
        }
    }

    private InputStream body(HttpURLConnection connection) {
        try {
            return connection.getInputStream();
        } catch (IOException e) {
            throw new ManagerUnreachableException(base, reason(e), e);
        }
    }

    /** The body of an error answer, its first 64 KiB; empty when there is none or it cannot be read. */
    private static String errorBody(HttpURLConnection connection) {
        try (InputStream in = connection.getErrorStream()) {
            return in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(Exception e) {
        if (e instanceof UnknownHostException) {
            return "its host name does not resolve";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "the connection timed out";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
