package dev.runtimeservice.agent.orchestrator.planning;

import dev.runtimeservice.agent.orchestrator.routing.Router;
import java.util.List;

/**
 * An instruction as steps.
 *
 * @param whole the instruction routed as a whole
 * @param steps the steps in order, each routed on its own part of the instruction (one step when it is not
 *     compound; none when no agent fits)
 */
public record Plan(Router.Route whole, List<Step> steps) {

    /** Copies the list. */
    public Plan {
        steps = List.copyOf(steps);
    }

    /** Whether the instruction became more than one step. */
    public boolean compound() {
        return steps.size() > 1;
    }

    /** {@code agent:skill} of each step joined by {@code >}, or {@code none}. */
    public String keys() {
        return steps.isEmpty()
                ? "none"
                : String.join(">", steps.stream().map(Step::key).toList());
    }

    /**
     * One step.
     *
     * @param text its part of the instruction
     * @param route how that part was routed; its best candidate fits
     */
    public record Step(String text, Router.Route route) {

        /** The best candidate. */
        public Router.Scored chosen() {
            return route.ranked().get(0);
        }

        /** {@code agent:skill} of the best candidate. */
        public String key() {
            return chosen().candidate().key();
        }
    }
}
