package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Skill;

/** Where a message goes: a skill with its input, back to the client with a question, or nowhere. */
sealed interface Route {

    /**
     * Run a skill.
     *
     * @param skill the skill
     * @param input its checked input
     */
    record Run(Skill<?> skill, Object input) implements Route {}

    /**
     * Ask the client which skill it wants.
     *
     * @param question the question, listing the skills
     */
    record Ask(String question) implements Route {}

    /**
     * Fail the task: the message cannot be served as it is.
     *
     * @param reason what to change
     */
    record Fail(String reason) implements Route {}
}
