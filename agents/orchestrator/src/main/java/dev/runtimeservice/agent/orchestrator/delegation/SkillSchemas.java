package dev.runtimeservice.agent.orchestrator.delegation;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON schemas of an agent's skill inputs, where the agent publishes them. An A2A card has no place for them;
 * agents on our SDK list them at {@code GET /skills}. An agent that does not (any agent written elsewhere) gets its
 * skills' input as text, which is what A2A promises every agent can take.
 */
@Component
public class SkillSchemas {

    private static final Logger log = LoggerFactory.getLogger(SkillSchemas.class);

    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient http;
    // By base URL and version: an agent restarted with another build on the same port is read again.
    private final Map<String, Map<String, JsonNode>> byAgent = new ConcurrentHashMap<>();

    SkillSchemas(JsonMapper json, OrchestratorProperties properties) {
        this.json = json;
        this.timeout = properties.cardTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * A skill as its agent describes it at {@code GET /skills}: {@code accepts_text} and {@code input_schema}.
     *
     * @param baseUrl the agent's base URL
     * @param version the agent's version (part of the cache key)
     * @param skill the skill's id
     * @return the description, or empty when the agent publishes none
     */
    public Optional<JsonNode> describe(String baseUrl, String version, String skill) {
        // A failed read is not kept (read answers null): the next call asks again.
        return Optional.ofNullable(byAgent.computeIfAbsent(baseUrl + "|" + version, k -> read(baseUrl)))
                .map(skills -> skills.get(skill));
    }

    private @Nullable Map<String, JsonNode> read(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/skills"))
                            .timeout(timeout)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Map.of();
            }
            Map<String, JsonNode> skills = new ConcurrentHashMap<>();
            for (JsonNode skill : json.readTree(response.body()).values()) {
                if (skill.path("id").isString() && skill.path("input_schema").isObject()) {
                    skills.put(skill.path("id").stringValue(), skill);
                }
            }
            return skills;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            log.info("{} /skills could not be read ({}); its skills get text this time", baseUrl, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
