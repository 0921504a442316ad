package dev.runtimeservice.agent.sdk.skill;

import org.springframework.util.Assert;

/**
 * A skill's answer: a sentence or the generated text for people, and the structured answer for programs (the
 * body the REST API returns, the data part of the A2A artifact).
 *
 * @param text the answer as text
 * @param data the structured answer
 */
public record SkillResult(String text, Object data) {

    /**
     * Checks that both parts are there.
     *
     * @param text the answer as text
     * @param data the structured answer
     */
    public SkillResult {
        Assert.notNull(text, "A skill result needs a text");
        Assert.notNull(data, "A skill result needs data");
    }
}
