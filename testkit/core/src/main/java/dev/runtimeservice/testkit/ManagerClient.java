package dev.runtimeservice.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The manager's HTTP API as the test kit uses it: health, launch, list, stop and log tails. */
final class ManagerClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    private final URI url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ManagerClient(URI url) {
        this.url = url;
    }

    /**
     * Whether the manager is ready for requests. Its readiness, not its health: health is DOWN while it lists an
     * agent that failed, which a manager that took over a killed run's agents may do.
     */
    boolean ready() {
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .GET());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Launches agents with the given resources (a JSON object) and answers each one's URL by name. */
    Map<String, URI> launch(List<String> agents, String resources) {
        ObjectNode request = JSON.createObjectNode();
        agents.forEach(request.putArray("agents")::add);
        request.set("resources", parseResources(resources));
        JsonNode answer = call("POST", "/api/launch_agents", JSON.writeValueAsString(request));
        Map<String, URI> urls = new LinkedHashMap<>();
        for (JsonNode agent : answer.path("agents")) {
            urls.put(agent.path("name").asString(), URI.create(agent.path("url").asString()));
        }
        return urls;
    }

    /** The names of the agents the manager runs or remembers (failed ones included). */
    List<String> agents() {
        List<String> names = new ArrayList<>();
        call("GET", "/api/list_agents", null)
                .path("agents")
                .forEach(agent -> names.add(agent.path("name").asString()));
        return names;
    }

    /** The process ids of the agents that run, by name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (JsonNode agent : call("GET", "/api/list_agents", null).path("agents")) {
            if (agent.path("pid").isNumber()) {
                pids.put(agent.path("name").asString(), agent.path("pid").asLong());
            }
        }
        return pids;
    }

    void stop(List<String> agents) {
        if (!agents.isEmpty()) {
            call("POST", "/api/stop_agent?agent_name=" + encode(String.join(",", agents)), null);
        }
    }

    /** The last lines of an agent's log, secrets masked by the manager, or why the manager did not give them. */
    String logTail(String agent, int lines) {
        try {
            JsonNode tail = call("GET", "/api/agents/" + encode(agent) + "/logs?lines=" + lines, null);
            List<String> text = new ArrayList<>();
            tail.path("lines").forEach(line -> text.add(line.asString()));
            return String.join("\n", text);
        } catch (TestkitException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static JsonNode parseResources(String resources) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(resources.isBlank() ? "{}" : resources);
        } catch (RuntimeException e) {
            throw new TestkitException("resources must be a JSON object, as in a launch request: " + e.getMessage());
        }
        if (!parsed.isObject()) {
            throw new TestkitException("resources must be a JSON object, as in a launch request, not " + resources);
        }
        return parsed;
    }

    private JsonNode call(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer;
        try {
            answer = send(request);
        } catch (IOException e) {
            throw new TestkitException(
                    "The manager at " + url + " did not answer " + method + " " + path + ": " + e.getMessage(), e);
        }
        if (answer.statusCode() >= 300) {
            throw new TestkitException("The manager refused " + method + " " + path + " (" + answer.statusCode() + "): "
                    + problem(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    /** The problem's detail and the agent's log tail when the manager sent them, else the whole body. */
    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asString(body);
            JsonNode tail = problem.path("log_tail");
            return tail.isMissingNode() ? detail : detail + "\nlog tail:\n" + tail;
        } catch (RuntimeException e) {
            return body;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
