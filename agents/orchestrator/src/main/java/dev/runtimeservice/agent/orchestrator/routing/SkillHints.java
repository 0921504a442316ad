package dev.runtimeservice.agent.orchestrator.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Extra Spanish and English examples for known skills ({@code routing/skill-hints.json}), by {@code agent:skill}. */
public final class SkillHints {

    private final Map<String, List<String>> hints;

    private SkillHints(Map<String, List<String>> hints) {
        this.hints = Map.copyOf(hints);
    }

    /** Loads the hints shipped in the jar. */
    public static SkillHints load(JsonMapper json) {
        try (InputStream in = SkillHints.class.getClassLoader().getResourceAsStream("routing/skill-hints.json")) {
            if (in == null) {
                throw new IllegalStateException("routing/skill-hints.json is missing from the orchestrator's jar");
            }
            Map<String, List<String>> hints = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : json.readTree(in).properties()) {
                List<String> examples = new ArrayList<>();
                entry.getValue().values().forEach(v -> examples.add(v.asString()));
                hints.put(entry.getKey(), examples);
            }
            return new SkillHints(hints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extra examples of a skill; empty for skills the orchestrator has none for. */
    public List<String> of(String key) {
        return hints.getOrDefault(key, List.of());
    }
}
