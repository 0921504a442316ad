package dev.runtimeservice.agent.sdk.skill;

/**
 * The work behind a skill.
 *
 * @param <I> the skill's input type
 */
@FunctionalInterface
public interface SkillHandler<I> {

    /**
     * Does the work.
     *
     * @param input the checked input
     * @param context the task the work belongs to: its conversation, cancellation and progress
     * @return the answer, as text and structured data
     * @throws SkillInputException when the input cannot be served; the message says what to change
     * @throws Exception when the work fails; the task fails with the exception's message
     */
    SkillResult handle(I input, SkillContext context) throws Exception;
}
