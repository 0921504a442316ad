package dev.runtimeservice.agent.kendra.vfs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls vfs's file API at one base URL: search by glob, stat and read. */
final class VfsClient {

    /**
     * A file or folder as vfs describes it.
     *
     * @param path its vfs path
     * @param type {@code file}, {@code folder}, {@code link} or {@code other}
     * @param size its size in bytes
     */
    record Entry(String path, String type, long size) {}

    /**
     * What a search found.
     *
     * @param entries the files and folders, at most the limit asked for
     * @param truncated whether vfs found more past the limit
     */
    record Found(List<Entry> entries, boolean truncated) {}

    private static final int MAX_PROBLEM_BYTES = 8192;

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final Duration timeout;
    private final String launchHint;

    VfsClient(HttpClient http, ObjectMapper json, URI base, Duration timeout, String launchHint) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.timeout = timeout;
        this.launchHint = launchHint;
    }

    URI base() {
        return base;
    }

    Found search(String folder, String glob, int limit) {
        JsonNode answer = getJson(
                "/fs/search",
                Map.of("path", folder, "glob", glob, "limit", Integer.toString(limit)),
                "search '" + glob + "' below '" + folder + "'");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode hit : answer.path("hits")) {
            entries.add(entry(hit));
        }
        return new Found(entries, answer.path("truncated").asBoolean(false));
    }

    Entry stat(String path) {
        return entry(getJson("/fs/stat", Map.of("path", path), "describe '" + path + "'"));
    }

    /** Reads a file, at most {@code maxBytes + 1} bytes of it: a longer answer means the file is too large. */
    byte[] read(String path, long maxBytes) {
        HttpResponse<InputStream> answer = send("/fs/content", Map.of("path", path), "read '" + path + "'");
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw refused(answer.statusCode(), body, "read '" + path + "'");
            }
            return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw unreachable("read '" + path + "'", e);
        }
    }

    private JsonNode getJson(String endpoint, Map<String, String> query, String action) {
        HttpResponse<InputStream> answer = send(endpoint, query, action);
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw refused(answer.statusCode(), body, action);
            }
            return json.readTree(body);
        } catch (IOException e) {
            throw unreachable(action, e);
        } catch (JacksonException e) {
            throw new VfsAnswerException(
                    502,
                    "vfs at " + base + " answered " + endpoint + " with something that is " + "not JSON; check that "
                            + base + " is the vfs agent.");
        }
    }

    private HttpResponse<InputStream> send(String endpoint, Map<String, String> query, String action) {
        String parameters = query.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = base.resolve(endpoint + (parameters.isEmpty() ? "" : "?" + parameters));
        try {
            return http.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VfsUnavailableException("Interrupted while asking vfs to " + action + "; retry.");
        }
    }

    private VfsAnswerException refused(int status, InputStream body, String action) throws IOException {
        String detail;
        try {
            detail = json.readTree(body.readNBytes(MAX_PROBLEM_BYTES))
                    .path("detail")
                    .asString("");
        } catch (JacksonException notJson) {
            detail = "";
        }
        return new VfsAnswerException(
                status,
                "vfs answered " + status + " when asked to " + action + (detail.isBlank() ? "." : ": " + detail));
    }

    private VfsUnavailableException unreachable(String action, IOException e) {
        return new VfsUnavailableException("vfs at " + base + " did not answer when asked to " + action + " ("
                + e.getClass().getSimpleName() + "); it may have stopped. " + launchHint);
    }

    private static Entry entry(JsonNode node) {
        return new Entry(
                node.path("path").asString(""),
                node.path("type").asString("other"),
                node.path("size").asLong(0));
    }

    // URLEncoder writes a space as '+'; %20 is a space to every decoder.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
