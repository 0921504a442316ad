package dev.runtimeservice.agent.orchestrator.instructions;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.orchestrator.discovery.AgentRegistry;
import dev.runtimeservice.agent.orchestrator.routing.CandidateSkills;
import dev.runtimeservice.agent.orchestrator.routing.Router;
import dev.runtimeservice.agent.sdk.observability.OutgoingCalls;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Routes an instruction, writes its prompt, and when asked calls the chosen skill. */
@Service
class InstructionService {

    private static final Logger log = LoggerFactory.getLogger(InstructionService.class);
    private static final int RUNNER_UPS = 3;

    private final Router router;
    private final CandidateSkills candidates;
    private final AgentRegistry registry;
    private final SkillCalls calls;
    private final AgentCaller caller;
    private final double minScore;
    private final ObservationRegistry observations;

    InstructionService(
            Router router,
            CandidateSkills candidates,
            AgentRegistry registry,
            JsonMapper json,
            OrchestratorProperties properties,
            OutgoingCalls outgoing,
            ObservationRegistry observations) {
        this.router = router;
        this.candidates = candidates;
        this.registry = registry;
        this.calls = new SkillCalls(json);
        this.caller = new AgentCaller(properties, json, outgoing);
        this.observations = observations;
        this.minScore = properties.minScore();
    }

    InstructionAnswer handle(String text, boolean execute, String requestId) {
        // Spans (issue 28): "instruction routing" here, "agent call" around each call below, whose HTTP client span
        // carries the trace to the agent.
        Router.Route route = Observation.createNotStarted("orchestrator.routing", observations)
                .contextualName("instruction routing")
                .observe(() -> router.route(text, candidates.current()));
        Router.Scored best = route.ranked().isEmpty() ? null : route.ranked().get(0);
        Router.Scored chosen = route.fits() ? best : null;
        var prompt =
                PromptOptimizer.optimise(text, route.query().language(), chosen == null ? null : chosen.candidate());
        List<InstructionAnswer.Choice> runnerUps = route.ranked().stream()
                .skip(chosen == null ? 0 : 1)
                .filter(s -> s.score() > 0)
                .limit(RUNNER_UPS)
                .map(this::choice)
                .toList();
        String noMatch = chosen != null
                ? null
                : best == null
                        ? "No agent is running and none is known."
                        : ("No agent fits this instruction: the closest skill, %s of %s, scored %.3f, under the %.2f a "
                                        + "fit needs.")
                                .formatted(
                                        best.candidate().skill().id(),
                                        best.candidate().agent(),
                                        best.score(),
                                        minScore);
        InstructionAnswer answer = new InstructionAnswer(
                requestId,
                route.query().language(),
                prompt,
                chosen == null ? null : choice(chosen),
                noMatch,
                runnerUps,
                null);
        log.info(
                "Instruction ({} chars, {}) routed to {}",
                text.length(),
                answer.language(),
                chosen == null ? "no agent" : chosen.candidate().key() + " (%.3f)".formatted(chosen.score()));
        return execute ? execute(answer, chosen, text, requestId) : answer;
    }

    private InstructionAnswer execute(
            InstructionAnswer answer, Router.@Nullable Scored chosen, String text, String requestId) {
        if (chosen == null) {
            throw new InstructionException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            answer.noMatch()
                                    + " Nothing was executed; rephrase it for one of the skills listed by GET /agents.")
                    .with("routing", answer);
        }
        var candidate = chosen.candidate();
        if (!candidate.running()) {
            String launch = String.valueOf(choice(chosen).launch());
            throw new InstructionException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            ("The %s agent, whose skill %s should handle " + "this, is not running; launch it with: %s")
                                    .formatted(
                                            candidate.agent(), candidate.skill().id(), launch))
                    .with("agent", candidate.agent())
                    .with("launch", launch)
                    .with("routing", answer);
        }
        HttpCall call = calls.call(
                        candidate.key(), new Arguments(text), answer.prompt().text())
                .orElseThrow(() -> new InstructionException(
                                HttpStatus.NOT_IMPLEMENTED,
                                ("The orchestrator cannot call "
                                                + "skill %s of %s itself; call it directly at %s as its agent card "
                                                + "describes (GET %s"
                                                + "/.well-known/agent-card.json).")
                                        .formatted(
                                                candidate.skill().id(),
                                                candidate.agent(),
                                                candidate.url(),
                                                candidate.url()))
                        .with("routing", answer));
        try {
            return answer.withExecution(Observation.createNotStarted("orchestrator.agent.call", observations)
                    .contextualName("agent call")
                    .lowCardinalityKeyValue("agent", candidate.agent())
                    .lowCardinalityKeyValue("skill", candidate.skill().id())
                    .observe(() -> caller.call(candidate.agent(), candidate.url(), call, requestId)));
        } catch (InstructionException e) {
            throw e.with("routing", answer);
        }
    }

    private InstructionAnswer.Choice choice(Router.Scored scored) {
        return InstructionAnswer.Choice.of(
                scored,
                calls.supported().contains(scored.candidate().key()),
                registry.launchCommand(scored.candidate().agent()));
    }
}
