package dev.runtimeservice.agent.orchestrator.instructions;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.orchestrator.delegation.Delegation;
import dev.runtimeservice.agent.orchestrator.delegation.DelegationException;
import dev.runtimeservice.agent.orchestrator.delegation.InputBuilder;
import dev.runtimeservice.agent.orchestrator.delegation.SkillDelegate;
import dev.runtimeservice.agent.orchestrator.delegation.SkillInput;
import dev.runtimeservice.agent.orchestrator.delegation.SkillSchemas;
import dev.runtimeservice.agent.orchestrator.delegation.SkillTarget;
import dev.runtimeservice.agent.orchestrator.discovery.AgentRegistry;
import dev.runtimeservice.agent.orchestrator.discovery.DiscoveredAgent;
import dev.runtimeservice.agent.orchestrator.planning.Plan;
import dev.runtimeservice.agent.orchestrator.planning.Planner;
import dev.runtimeservice.agent.orchestrator.routing.Candidate;
import dev.runtimeservice.agent.orchestrator.routing.CandidateSkills;
import dev.runtimeservice.agent.orchestrator.routing.Router;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Plans an instruction (one step, or several for a compound one), writes its prompt, and when asked carries the plan
 * out step by step over A2A, each step on the previous one's output; the first step that fails stops it.
 */
@Service
class InstructionService {

    private static final Logger log = LoggerFactory.getLogger(InstructionService.class);
    private static final int RUNNER_UPS = 3;
    // A misread instruction must not destroy data: skills that delete are routed to, never called from here.
    private static final Pattern DESTRUCTIVE =
            Pattern.compile("(?i)\\b(?:delete|remove|erase|purge|destroy|drop|wipe)\\b|\\.delete\\b");

    private final Planner planner;
    private final CandidateSkills candidates;
    private final AgentRegistry registry;
    private final SkillSchemas schemas;
    private final SkillDelegate delegate;
    private final double minScore;
    private final ObservationRegistry observations;

    InstructionService(
            Planner planner,
            CandidateSkills candidates,
            AgentRegistry registry,
            SkillSchemas schemas,
            SkillDelegate delegate,
            OrchestratorProperties properties,
            ObservationRegistry observations) {
        this.planner = planner;
        this.observations = observations;
        this.candidates = candidates;
        this.registry = registry;
        this.schemas = schemas;
        this.delegate = delegate;
        this.minScore = properties.minScore();
    }

    InstructionAnswer handle(String text, boolean execute, String requestId, SkillContext context) {
        // Spans (issue 28): "instruction routing" here, and "agent call" around each step's A2A call, whose
        // traceparent (A2aClientFactory) carries the trace into the agent.
        Plan plan = Observation.createNotStarted("orchestrator.routing", observations)
                .contextualName("instruction routing")
                .observe(() -> planner.plan(text, candidates.current()));
        Router.Route route = plan.whole();
        Router.Scored best = route.ranked().isEmpty() ? null : route.ranked().get(0);
        Router.Scored chosen =
                plan.steps().isEmpty() ? null : plan.steps().get(0).chosen();
        var prompt =
                PromptOptimizer.optimise(text, route.query().language(), chosen == null ? null : chosen.candidate());
        List<InstructionAnswer.Choice> runnerUps = route.ranked().stream()
                .filter(s -> chosen == null || !s.candidate().equals(chosen.candidate()))
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
                chosen == null ? null : planView(plan),
                null);
        log.info("Instruction ({} chars, {}) planned as {}", text.length(), answer.language(), plan.keys());
        return execute ? execute(answer, plan, requestId, context) : answer;
    }

    private InstructionAnswer.PlanView planView(Plan plan) {
        List<InstructionAnswer.StepView> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Plan.Step step = plan.steps().get(i);
            steps.add(new InstructionAnswer.StepView(
                    i + 1,
                    step.text(),
                    i == 0 ? "instruction" : "output of step " + i,
                    choice(step.chosen()),
                    InstructionAnswer.StepView.PLANNED,
                    null,
                    null));
        }
        return new InstructionAnswer.PlanView(plan.compound(), steps);
    }

    private InstructionAnswer execute(InstructionAnswer answer, Plan plan, String requestId, SkillContext context) {
        InstructionAnswer.PlanView view = answer.plan();
        if (view == null) {
            throw new InstructionException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            answer.noMatch()
                                    + " Nothing was executed; rephrase it for one of the skills listed by GET /agents.")
                    .with("routing", answer);
        }
        List<InstructionAnswer.StepView> steps = new ArrayList<>(view.steps());
        int total = steps.size();
        @Nullable String previous = null;
        Delegation last = null;
        for (int i = 0; i < total; i++) {
            Plan.Step step = plan.steps().get(i);
            Candidate candidate = step.chosen().candidate();
            if (context.isCancelled()) {
                // The A2A client cancelled the task: the next step is not started (a running one is not stopped).
                throw stopped(
                        new InstructionException(HttpStatus.CONFLICT, "The task was cancelled before this step."),
                        answer,
                        steps,
                        i);
            }
            context.progress("Step %d of %d: %s (%s of %s) on %s"
                    .formatted(
                            i + 1,
                            total,
                            step.text(),
                            candidate.skill().id(),
                            candidate.agent(),
                            steps.get(i).input()));
            try {
                last = run(step, answer.language(), previous, requestId);
            } catch (InstructionException e) {
                throw stopped(e, answer, steps, i);
            } catch (DelegationException e) {
                InstructionException failed = new InstructionException(e.status(), String.valueOf(e.getMessage()));
                e.properties().forEach(failed::with);
                throw stopped(failed, answer, steps, i);
            }
            Delegation done = last;
            steps.set(i, steps.get(i).with(InstructionAnswer.StepView.COMPLETED, done, null));
            context.progress("Step %d of %d done: %s answered in %d ms"
                    .formatted(i + 1, total, candidate.agent(), done.tookMs()));
            previous = done.output();
        }
        return answer.withRun(new InstructionAnswer.PlanView(view.compound(), steps), Objects.requireNonNull(last));
    }

    private Delegation run(Plan.Step step, String language, @Nullable String previous, String requestId) {
        Candidate candidate = step.chosen().candidate();
        if (!candidate.running()) {
            String launch = registry.launchCommand(candidate.agent());
            throw new InstructionException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The %s agent, whose skill %s should handle this, is not running; launch it with: %s"
                                    .formatted(
                                            candidate.agent(), candidate.skill().id(), launch))
                    .with("agent", candidate.agent())
                    .with("launch", launch);
        }
        if (destructive(candidate)) {
            throw new InstructionException(
                    HttpStatus.FORBIDDEN,
                    ("Skill %s of %s deletes data; the orchestrator never runs it from an instruction, so that a "
                                    + "misread one cannot destroy anything. Call it directly at %s as its agent card "
                                    + "describes (GET %s/.well-known/agent-card.json).")
                            .formatted(candidate.skill().id(), candidate.agent(), candidate.url(), candidate.url()));
        }
        DiscoveredAgent agent = agent(candidate.agent()).orElse(null);
        if (agent == null || agent.a2aUrl().isBlank()) {
            throw new InstructionException(
                    HttpStatus.NOT_IMPLEMENTED,
                    ("The %s agent's card names no A2A JSON-RPC interface (supportedInterfaces), so the orchestrator "
                                    + "cannot call it; call it directly at %s as its card describes.")
                            .formatted(candidate.agent(), candidate.url()));
        }
        String prompt =
                PromptOptimizer.optimise(step.text(), language, candidate).text();
        SkillInput input = InputBuilder.build(
                schemas.describe(agent.url(), agent.version(), candidate.skill().id())
                        .orElse(null),
                new InputBuilder.StepText(step.text(), prompt, previous));
        SkillTarget target =
                new SkillTarget(candidate.agent(), candidate.skill().id(), agent.a2aUrl());
        return Observation.createNotStarted("orchestrator.agent.call", observations)
                .contextualName("agent call")
                .lowCardinalityKeyValue("agent", candidate.agent())
                .lowCardinalityKeyValue("skill", candidate.skill().id())
                .observe(() -> delegate.call(target, input, requestId));
    }

    /** The failure of step {@code failed}: it names the step and why, and shows the plan as far as it went. */
    private static InstructionException stopped(
            InstructionException cause, InstructionAnswer answer, List<InstructionAnswer.StepView> steps, int failed) {
        int total = steps.size();
        steps.set(
                failed,
                steps.get(failed).with(InstructionAnswer.StepView.FAILED, null, String.valueOf(cause.getMessage())));
        for (int i = failed + 1; i < total; i++) {
            steps.set(i, steps.get(i).with(InstructionAnswer.StepView.NOT_RUN, null, null));
        }
        InstructionAnswer.StepView step = steps.get(failed);
        String why = String.valueOf(cause.getMessage());
        String detail = total == 1
                ? why
                : "Step %d of %d (%s of %s: \"%s\") failed: %s%s"
                        .formatted(
                                failed + 1,
                                total,
                                step.choice().skill(),
                                step.choice().agent(),
                                step.text(),
                                why,
                                failed + 1 < total
                                        ? " The plan stopped there: step%s %s did not run."
                                                .formatted(
                                                        failed + 2 < total ? "s" : "",
                                                        failed + 2 < total
                                                                ? (failed + 2) + " to " + total
                                                                : String.valueOf(total))
                                        : "");
        InstructionException stopped = new InstructionException(cause.status(), detail);
        cause.properties().forEach(stopped::with);
        return stopped.with("failed_step", failed + 1)
                .with("plan", new InstructionAnswer.PlanView(total > 1, List.copyOf(steps)))
                .with("routing", answer);
    }

    private Optional<DiscoveredAgent> agent(String name) {
        return registry.snapshot().agents().stream()
                .filter(a -> a.name().equals(name))
                .findFirst();
    }

    private static boolean destructive(Candidate candidate) {
        return DESTRUCTIVE
                .matcher(candidate.skill().id() + " " + candidate.skill().name())
                .find();
    }

    private InstructionAnswer.Choice choice(Router.Scored scored) {
        Candidate candidate = scored.candidate();
        boolean callable = !candidate.running()
                || agent(candidate.agent()).map(a -> !a.a2aUrl().isBlank()).orElse(false);
        return InstructionAnswer.Choice.of(
                scored, callable && !destructive(candidate), registry.launchCommand(candidate.agent()));
    }
}
