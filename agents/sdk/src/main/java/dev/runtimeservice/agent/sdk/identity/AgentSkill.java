package dev.runtimeservice.agent.sdk.identity;

import java.util.List;
import org.springframework.util.Assert;

/**
 * One thing an agent can do, listed in its A2A agent card; an agent app provides one bean per
 * skill it really has.
 *
 * @param id stable identifier, unique within the agent
 * @param name short human-readable name
 * @param description what the skill does and what it needs
 * @param tags keywords that help a client pick the skill
 * @param examples example requests the skill handles
 * @param inputModes media types the skill accepts
 * @param outputModes media types the skill produces
 */
public record AgentSkill(
        String id,
        String name,
        String description,
        List<String> tags,
        List<String> examples,
        List<String> inputModes,
        List<String> outputModes) {

    /** Media types a skill accepts unless it says otherwise. */
    public static final List<String> DEFAULT_INPUT_MODES = List.of("application/json", "text/plain");

    /** Media types a skill produces unless it says otherwise. */
    public static final List<String> DEFAULT_OUTPUT_MODES = List.of("application/json", "text/plain");

    /**
     * Checks the texts and copies the lists.
     *
     * @param id stable identifier, unique within the agent
     * @param name short human-readable name
     * @param description what the skill does and what it needs
     * @param tags keywords that help a client pick the skill
     * @param examples example requests the skill handles
     * @param inputModes media types the skill accepts
     * @param outputModes media types the skill produces
     */
    public AgentSkill {
        Assert.hasText(id, "A skill's id must not be blank");
        Assert.hasText(name, "A skill's name must not be blank");
        Assert.hasText(description, "A skill's description must not be blank");
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
        inputModes = List.copyOf(inputModes);
        outputModes = List.copyOf(outputModes);
    }

    /**
     * Creates a skill with the default input and output modes.
     *
     * @param id stable identifier, unique within the agent
     * @param name short human-readable name
     * @param description what the skill does and what it needs
     * @param tags keywords that help a client pick the skill
     * @param examples example requests the skill handles
     */
    public AgentSkill(String id, String name, String description, List<String> tags, List<String> examples) {
        this(id, name, description, tags, examples, DEFAULT_INPUT_MODES, DEFAULT_OUTPUT_MODES);
    }
}
