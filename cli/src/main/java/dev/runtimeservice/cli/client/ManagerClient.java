package dev.runtimeservice.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manager's HTTP API as the CLI calls it: one base URL, the API key on every call, and every failure turned into
 * either a {@link ManagerProblemException} (the manager answered an error) or a {@link ManagerUnreachableException}.
 */
public final class ManagerClient {

    /** The header the manager reads its API key from. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final @Nullable String apiKey;
    private final HttpClient http;

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
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The manager's URL, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** GETs {@code path} (with its query) and returns the body of a 2xx answer. */
    public String get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs a JSON body to {@code path} and returns the body of a 2xx answer. */
    public String post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /**
     * Opens a long answer, such as an event stream, and returns its body as it comes; the caller closes it.
     *
     * @param path the path and query
     * @param headers extra request headers (Accept, Last-Event-ID)
     */
    public InputStream open(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 300) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw ManagerProblemException.of(request, response.statusCode(), body);
        }
        return response.body();
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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (apiKey != null) {
            builder.header(API_KEY_HEADER, apiKey);
        }
        return builder;
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) {
            throw ManagerProblemException.of(request, response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw new ManagerUnreachableException(base, reason(e), e);
        } catch (HttpTimeoutException e) {
            throw new ManagerUnreachableException(base, "it did not answer in time", e);
        } catch (IOException e) {
            throw new ManagerUnreachableException(base, reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagerUnreachableException(base, "interrupted", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof UnresolvedAddressException || e.getCause() instanceof UnresolvedAddressException) {
            return "its host name does not resolve";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
