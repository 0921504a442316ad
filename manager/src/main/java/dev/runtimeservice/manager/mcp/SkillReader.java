package dev.runtimeservice.manager.mcp;

import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a running agent's skills: the list from its A2A card, the input and output schemas from {@code GET /skills}
 * (what the agent SDK serves, since a card has no place for schemas). An agent without that endpoint (one written
 * in another language) gets one text input per skill.
 */
@Component
class SkillReader {

    private final A2aClients a2a;
    private final JsonMapper json = JsonMapper.builder().build();

    SkillReader(A2aClients a2a) {
        this.a2a = a2a;
    }

    List<SkillTool> read(String agent, URI url) throws IOException, InterruptedException {
        AgentCard card = a2a.card(a2a.cardJson(url));
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
