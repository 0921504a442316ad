package dev.runtimeservice.agent.sdk.skill;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the agent's skills with the JSON schemas of their input and output, which an A2A card has no place for. */
@RestController
class SkillsController {

    private final Skills skills;

    SkillsController(Skills skills) {
        this.skills = skills;
    }

    @GetMapping("/skills")
    List<SkillDescription> skills() {
        return skills.all().stream()
                .map(s -> new SkillDescription(
                        s.id(),
                        s.card().name(),
                        s.card().description(),
                        s.card().examples(),
                        s.acceptsText(),
                        s.inputSchema(),
                        s.outputSchema()))
                .toList();
    }

    /**
     * One skill as listed.
     *
     * @param id the skill's id
     * @param name its name
     * @param description what it does
     * @param examples example requests
     * @param acceptsText whether a plain-text message can reach it
     * @param inputSchema the JSON schema of its input (a data part)
     * @param outputSchema the JSON schema of its structured answer
     */
    record SkillDescription(
            String id,
            String name,
            String description,
            List<String> examples,
            @JsonProperty("accepts_text") boolean acceptsText,
            @JsonProperty("input_schema") Map<String, Object> inputSchema,
            @JsonProperty("output_schema") Map<String, Object> outputSchema) {}
}
