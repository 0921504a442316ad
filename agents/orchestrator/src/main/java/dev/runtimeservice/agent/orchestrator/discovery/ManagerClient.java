package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.sdk.config.AgentProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks the manager ({@code MANAGER_URL}) which agents run, and reads agents' cards. */
@Component
public class ManagerClient {

    /** The path every agent serves its A2A card at. */
    public static final String CARD_PATH = "/.well-known/agent-card.json";

    private final URI managerUrl;
    private final @Nullable String launchToken;
    private final boolean managerHasKey;
    private final OrchestratorProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    ManagerClient(AgentProperties agent, OrchestratorProperties properties, JsonMapper json) {
        this.managerUrl = agent.managerUrl();
        this.launchToken = agent.token();
        // A manager with an API key makes its agents demand their token on /shutdown, and only then.
        this.managerHasKey = properties.managerApiKey() != null || agent.shutdownRequiresToken();
        this.properties = properties;
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(properties.cardTimeout()).build();
    }

    /** The manager's base URL, without a trailing slash. */
    public String managerUrl() {
        return managerUrl.toString().replaceAll("/+$", "");
    }

    /**
     * The command that launches an agent on this manager. For a manager with an API key it sends the key from the
     * caller's {@code RUNTIME_API_KEY} variable: the command never holds the key itself.
     *
     * @param agent the agent's name
     * @return a curl command line
     */
    public String launchCommand(String agent) {
        return ("curl -X POST %s/api/launch_agents -H \"Content-Type: application/json\"%s -d '{\"agents\": [\"%s\"], "
                        + "\"resources\": {}}'")
                .formatted(managerUrl(), managerHasKey ? " -H \"X-API-Key: $RUNTIME_API_KEY\"" : "", agent);
    }

    /**
     * The agents the manager reports as {@code RUNNING}.
     *
     * @return name and base URL of each
     * @throws DiscoveryException when the manager cannot be asked or answers an error
     */
    public List<RunningAgent> runningAgents() {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(managerUrl() + "/api/list_agents?status=RUNNING"))
                .timeout(properties.cardTimeout())
                .header("Accept", "application/json");
        JsonNode answer = get(authorized(request).build(), "the manager at " + managerUrl());
        List<RunningAgent> running = new ArrayList<>();
        for (JsonNode agent : answer.path("agents").values()) {
            String name = agent.path("name").asString("");
            String url = agent.path("url").asString("");
            if (!name.isBlank() && !url.isBlank()) {
                running.add(new RunningAgent(name, url.replaceAll("/+$", "")));
            }
        }
        return running;
    }

    /**
     * Opens the manager's stream of lifecycle events ({@code GET /api/events}, Server-Sent Events).
     *
     * @param lastEventId the id of the last event read from an earlier stream, to get what was missed since, or null
     * @return the stream's body, open until the manager ends it or the caller closes it
     * @throws EventsRefusedException when the manager answers an error
     * @throws DiscoveryException when the manager cannot be asked
     */
    public InputStream events(@Nullable String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(managerUrl() + "/api/events"))
                // Until the answer's headers arrive: the stream itself may stay quiet for as long as nothing happens.
                .timeout(properties.cardTimeout())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        String what = "the manager's events at " + managerUrl() + "/api/events";
        try {
            HttpResponse<InputStream> response =
                    http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new EventsRefusedException(what + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new DiscoveryException(what + " could not be read: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException(what + " could not be read: interrupted");
        }
    }

    /**
     * Adds the manager's key when one is configured; otherwise this launch's own token, which a manager with a key
     * accepts from an agent it runs for reading the agent list and its events (agents never get the key).
     */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (properties.managerApiKey() != null) {
            request.header("X-API-Key", properties.managerApiKey());
        } else if (launchToken != null) {
            request.header(AgentProperties.TOKEN_HEADER, launchToken);
        }
        return request;
    }

    /**
     * Reads an agent's card.
     *
     * @param baseUrl the agent's base URL
     * @return the card
     * @throws DiscoveryException when the card cannot be read or is not a card
     */
    public AgentCardInfo card(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + CARD_PATH))
                .timeout(properties.cardTimeout())
                .header("Accept", "application/json")
                .build();
        try {
            return CardParser.parse(get(request, baseUrl + CARD_PATH));
        } catch (IllegalArgumentException notACard) {
            throw new DiscoveryException(baseUrl + CARD_PATH + " is not an A2A agent card: " + notACard.getMessage());
        }
    }

    private JsonNode get(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DiscoveryException(what + " answered HTTP " + response.statusCode()
                        + (response.statusCode() == 401
                                ? "; it accepts the launch token of an agent it runs, so an "
                                        + "orchestrator started another way needs ORCHESTRATOR_MANAGER_API_KEY set to "
                                        + "the manager's key"
                                : ""));
            }
            return json.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DiscoveryException discovery) {
                throw discovery;
            }
            throw new DiscoveryException(what + " could not be read: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException(what + " could not be read: interrupted");
        }
    }

    private static String describe(Exception e) {
        @Nullable String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /**
     * An agent the manager runs.
     *
     * @param name its name
     * @param url its base URL
     */
    public record RunningAgent(String name, String url) {}
}
