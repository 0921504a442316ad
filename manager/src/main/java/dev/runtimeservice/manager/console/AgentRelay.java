package dev.runtimeservice.manager.console;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.process.AgentHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Calls a running agent for the console and the CLI, which reach only the manager: agents listen on the manager's
 * machine (127.0.0.1 by default), and a page served by the manager may not call another port. The agent's answer
 * is returned as it came, status included.
 */
@Component
class AgentRelay {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final AgentManager manager;

    AgentRelay(AgentManager manager) {
        this.manager = manager;
    }

    /** GETs {@code path} from the running agent. */
    ResponseEntity<String> get(String agent, String path) {
        return send(agent, HttpRequest.newBuilder(uri(agent, path)).GET());
    }

    /** POSTs a JSON body to {@code path} of the running agent. */
    ResponseEntity<String> post(String agent, String path, String json) {
        return send(
                agent,
                HttpRequest.newBuilder(uri(agent, path))
                        .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private URI uri(String agent, String path) {
        ManagedAgent running = manager.list().stream()
                .filter(candidate -> candidate.name().equals(agent) && candidate.state() == AgentState.RUNNING)
                .findFirst()
                .orElseThrow(() -> new AgentNotReachableException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Agent " + agent + " is not running. Launch it first: POST /api/launch_agents {\"agents\": [\""
                                + agent + "\"]}, or: runtime launch " + agent));
        return URI.create(running.url() + path);
    }

    private ResponseEntity<String> send(String agent, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = AgentHttp.client()
                    .send(
                            request.timeout(CALL_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ResponseEntity.status(response.statusCode())
                    .contentType(contentType(
                            response.headers().firstValue("Content-Type").orElse(null)))
                    .body(response.body());
        } catch (IOException e) {
            throw new AgentNotReachableException(
                    HttpStatus.BAD_GATEWAY, "Agent " + agent + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentNotReachableException(HttpStatus.BAD_GATEWAY, "Interrupted while calling agent " + agent);
        }
    }

    private static MediaType contentType(@Nullable String header) {
        try {
            return header == null ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
