package dev.runtimeservice.agent.orchestrator.discovery;

import java.util.List;

/**
 * One skill as an agent's A2A card describes it.
 *
 * @param id the skill's id, unique within its agent
 * @param name its short name
 * @param description what it does
 * @param tags its keywords
 * @param examples example requests
 */
public record SkillCard(String id, String name, String description, List<String> tags, List<String> examples) {

    /** Copies the lists. */
    public SkillCard {
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
    }
}
