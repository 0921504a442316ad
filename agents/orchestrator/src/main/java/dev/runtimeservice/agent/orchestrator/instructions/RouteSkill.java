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
                                "POST /instructions {\"text\", \"execute\": false} detects the language (es/en), writes the "
                                        + "instruction as a structured LLM prompt, and picks the agent and skill that should handle "
                                        + "it with a confidence and runner-ups, or says that no agent fits; with \"execute\": true "
                                        + "it also calls that skill and returns the agent's answer. Over A2A a plain-text message is "
                                        + "routed without being carried out; send {\"text\", \"execute\": true} to carry it out.",
                                List.of("routing", "orchestration", "instructions", "planning", "route"),
                                List.of(
                                        "{\"text\": \"Busca información sobre inteligencia artificial\"}",
                                        "{\"text\": \"Summarise this text: ...\", \"execute\": true}")),
                        InstructionRequest.class,
                        InstructionAnswer.class,
                        text -> new InstructionRequest(text, false),
                        (request, context) -> {
                            // Over REST the SDK's filter put the caller's X-Request-Id in the logging context; over A2A
                            // a
                            // new id is made.
                            String requestId = RequestIdFilter.idFor(MDC.get(RequestIdFilter.MDC_KEY));
                            InstructionAnswer answer = service.handle(
                                    Objects.requireNonNull(request.text()), request.executes(), requestId);
                            return new SkillResult(summary(answer), answer);
                        })
                .preferredForText();
    }

    private static String summary(InstructionAnswer answer) {
        if (answer.choice() == null) {
            return answer.noMatch() == null ? "No agent fits this instruction." : answer.noMatch();
        }
        String chosen =
                "Routed to " + answer.choice().agent() + ":" + answer.choice().skill() + ".";
        AgentCaller.Execution execution = answer.execution();
        return execution == null
                ? chosen
                : chosen + " " + execution.request() + " answered " + execution.status() + " in " + execution.tookMs()
                        + " ms.";
    }
}
