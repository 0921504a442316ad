package dev.runtimeservice.agent.orchestrator.instructions;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.sdk.trace.RequestIdFilter;
import java.util.List;
import java.util.Objects;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code route} skill: {@code POST /instructions} and A2A route (and, when asked, carry out) through it. */
@Configuration(proxyBeanMethods = false)
class RouteSkill {

    static final String ID = "route";

    @Bean
    Skill<InstructionRequest> routeInstructionSkill(InstructionService service) {
        return Skill.withText(
                        new AgentSkill(
                                ID,
                                "Route an instruction",
                                "POST /instructions {\"text\", \"execute\": false} detects the language (es/en), "
                                        + "writes the instruction as a structured LLM prompt, and plans it: the agent "
                                        + "and skill that should handle it, with a confidence and runner-ups, or "
                                        + "several steps for a compound instruction (search, then summarise), or that "
                                        + "no agent fits. With \"execute\": true it carries the plan out over A2A, "
                                        + "step by step, each step on the previous one's output, and returns the "
                                        + "answers. Over A2A a plain-text message is carried out, with each step's "
                                        + "progress streamed; send {\"text\", \"execute\": false} as a data part to "
                                        + "only plan it.",
                                List.of("routing", "orchestration", "instructions", "planning", "route"),
                                List.of(
                                        "{\"text\": \"Busca información sobre inteligencia artificial\"}",
                                        "{\"text\": \"Summarise this text: ...\", \"execute\": true}",
                                        "busca información sobre energía solar y resúmela")),
                        InstructionRequest.class,
                        InstructionAnswer.class,
                        text -> new InstructionRequest(text, true),
                        (request, context) -> {
                            // Over REST the SDK's filter put the caller's X-Request-Id in the logging context; over A2A
                            // a new id is made.
                            String requestId = RequestIdFilter.idFor(MDC.get(RequestIdFilter.MDC_KEY));
                            InstructionAnswer answer = service.handle(
                                    Objects.requireNonNull(request.text()), request.executes(), requestId, context);
                            return new SkillResult(summary(answer), answer);
                        })
                .preferredForText();
    }

    private static String summary(InstructionAnswer answer) {
        if (answer.choice() == null || answer.plan() == null) {
            return answer.noMatch() == null ? "No agent fits this instruction." : answer.noMatch();
        }
        if (answer.execution() != null) {
            return answer.execution().output();
        }
        return "Planned: "
                + String.join(
                        ", then ",
                        answer.plan().steps().stream()
                                .map(s ->
                                        s.choice().skill() + " of " + s.choice().agent())
                                .toList())
                + ".";
    }
}
