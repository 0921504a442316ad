package dev.runtimeservice.agent.orchestrator.instructions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.orchestrator.routing.Router;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /instructions}.
 *
 * @param requestId the id that travels into every agent call ({@code X-Request-Id})
 * @param language the detected language, {@code es} or {@code en}
 * @param prompt the instruction as a structured LLM prompt
 * @param choice the agent and skill that should handle it, or {@code null} when no agent fits
 * @param noMatch why no agent fits, or {@code null}
 * @param runnerUps the next best choices
 * @param execution the agent's answer when the instruction was executed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstructionAnswer(
        @JsonProperty("request_id") String requestId,
        String language,
        PromptOptimizer.Prompt prompt,
        @Nullable Choice choice,
        @JsonProperty("no_match") @Nullable String noMatch,
        @JsonProperty("runner_ups") List<Choice> runnerUps,
        AgentCaller.@Nullable Execution execution) {

    InstructionAnswer withExecution(AgentCaller.Execution execution) {
        return new InstructionAnswer(requestId, language, prompt, choice, noMatch, runnerUps, execution);
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
     * @param executable whether the orchestrator can call this skill itself ({@code execute: true})
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
}
