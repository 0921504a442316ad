package dev.runtimeservice.agent.orchestrator.instructions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.orchestrator.delegation.Delegation;
import dev.runtimeservice.agent.orchestrator.routing.Router;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /instructions}.
 *
 * @param requestId the id that travels into every agent call ({@code X-Request-Id})
 * @param language the detected language, {@code es} or {@code en}
 * @param prompt the instruction as a structured LLM prompt
 * @param choice the agent and skill that should handle it (a plan's first step), or {@code null} when no agent fits
 * @param noMatch why no agent fits, or {@code null}
 * @param runnerUps the next best choices
 * @param plan the steps that carry it out, or {@code null} when no agent fits
 * @param execution the answer of the last step when the instruction was executed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstructionAnswer(
        @JsonProperty("request_id") String requestId,
        String language,
        PromptOptimizer.Prompt prompt,
        @Nullable Choice choice,
        @JsonProperty("no_match") @Nullable String noMatch,
        @JsonProperty("runner_ups") List<Choice> runnerUps,
        @Nullable PlanView plan,
        @Nullable Delegation execution) {

    InstructionAnswer withRun(PlanView plan, Delegation execution) {
        return new InstructionAnswer(requestId, language, prompt, choice, noMatch, runnerUps, plan, execution);
    }

    /**
     * One agent skill an instruction may go to.
     *
     * @param agent the agent's name
     * @param skill the skill's id
     * @param skillName the skill's name
     * @param url the agent's base URL, or {@code null} when it is not running
     * @param running whether the agent runs now
     * @param confidence the routing score in [0, 1]
     * @param executable whether {@code execute: true} may call it (over A2A; never a skill that deletes)
     * @param launch how to launch the agent when it is not running
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Choice(
            String agent,
            String skill,
            @JsonProperty("skill_name") String skillName,
            @Nullable String url,
            boolean running,
            double confidence,
            boolean executable,
            @Nullable String launch) {

        static Choice of(Router.Scored scored, boolean executable, String launchCommand) {
            var candidate = scored.candidate();
            String launch = candidate.running() ? null : launchCommand;
            return new Choice(
                    candidate.agent(),
                    candidate.skill().id(),
                    candidate.skill().name(),
                    candidate.running() ? candidate.url() : null,
                    candidate.running(),
                    Math.round(scored.score() * 1000) / 1000.0,
                    executable,
                    launch);
        }
    }

    /**
     * The plan: the steps in order; each step after the first works on the output of the one before.
     *
     * @param compound whether the instruction became more than one step
     * @param steps the steps
     */
    record PlanView(boolean compound, List<StepView> steps) {}

    /**
     * One step of a plan.
     *
     * @param step its number, from 1
     * @param text its part of the instruction
     * @param input what it works on: {@code instruction}, or {@code output of step N}
     * @param choice the skill that carries it out
     * @param status {@code planned} (not executed), {@code completed}, {@code failed} or {@code not run} (an earlier
     *     step failed)
     * @param execution its agent's answer, once completed
     * @param error why it failed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepView(
            int step,
            String text,
            String input,
            Choice choice,
            String status,
            @Nullable Delegation execution,
            @Nullable String error) {

        static final String PLANNED = "planned";
        static final String COMPLETED = "completed";
        static final String FAILED = "failed";
        static final String NOT_RUN = "not run";

        StepView with(String status, @Nullable Delegation execution, @Nullable String error) {
            return new StepView(step, text, input, choice, status, execution, error);
        }
    }
}
