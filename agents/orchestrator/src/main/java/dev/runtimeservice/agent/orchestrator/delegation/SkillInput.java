package dev.runtimeservice.agent.orchestrator.delegation;

import org.jspecify.annotations.Nullable;

/**
 * What a skill call sends: the skill's input as a data part when its schema is known, else text.
 *
 * @param data the input that follows the skill's input schema, or {@code null}
 * @param text the text sent when there is no data
 */
public record SkillInput(@Nullable Object data, String text) {

    /** @return a short description for progress messages and logs */
    public String describe() {
        return data != null ? "input " + data : "text (" + text.length() + " chars)";
    }
}
