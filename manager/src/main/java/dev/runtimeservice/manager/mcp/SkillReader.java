package dev.runtimeservice.manager.mcp;

import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a running agent's skills: the list from its A2A card, the input and output schemas from {@code GET /skills}
 * (what the agent SDK serves, since a card has no place for schemas). An agent without that endpoint (one written
 * in another language) gets one text input per skill.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class SkillReader {

    private static final Logger log = LoggerFactory.getLogger(SkillReader.class);

    private final A2aClients a2a;
    private final JsonMapper json = JsonMapper.builder().build();

    SkillReader(A2aClients a2a) {
        this.a2a = a2a;
    }

    /** The agent's skills as tools; none for an agent the manager's A2A client cannot call, which is logged. */
    List<SkillTool> read(String agent, URI url) throws IOException, InterruptedException {
        String cardJson = a2a.cardJson(url);
        if (!a2a.offersJsonRpc(cardJson)) {
            // Listed, its tools would only fail when called: a tool list must show what can be called.
            log.info(
                    "Agent {} offers no A2A 1.0 JSON-RPC interface in its card (an A2A 0.3 agent?): the manager's "
                            + "A2A 1.0 client cannot call it, so MCP lists none of its skills as tools",
                    agent);
            return List.of();
        }
        AgentCard card = a2a.card(cardJson);
        Map<String, JsonNode> schemas = schemas(url);
        return card.skills().stream()
                .map(skill -> tool(agent, skill, schemas.get(skill.id())))
                .toList();
    }

    private SkillTool tool(String agent, AgentSkill skill, @Nullable JsonNode declared) {
        String description =
                skill.description() == null || skill.description().isBlank() ? skill.name() : skill.description();
        if (declared == null || !declared.path("input_schema").isObject()) {
            return new SkillTool(
                    agent,
                    skill.id(),
                    SkillTool.toolName(agent, skill.id()),
                    description,
                    SkillTool.textInput(),
                    null,
                    false);
        }
        JsonNode output = declared.path("output_schema");
        return new SkillTool(
                agent,
                skill.id(),
                SkillTool.toolName(agent, skill.id()),
                description,
                map(declared.get("input_schema")),
                output.isObject() && "object".equals(output.path("type").asString("")) ? map(output) : null,
                true);
    }

    private Map<String, JsonNode> schemas(URI url) throws InterruptedException {
        Map<String, JsonNode> byId = new HashMap<>();
        try {
            for (JsonNode skill : json.readTree(a2a.get(url.resolve("/skills")))) {
                byId.put(skill.path("id").asString(""), skill);
            }
        } catch (IOException | RuntimeException e) {
            // Not an SDK agent (no /skills, or another shape): its skills take text, as A2A allows any agent.
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(JsonNode node) {
        return json.convertValue(node, Map.class);
    }
}
