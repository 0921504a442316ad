package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.discovery.SkillCard;

/**
 * A skill an instruction may be routed to.
 *
 * @param agent the agent's name
 * @param url the agent's base URL, or empty when it is not running
 * @param running whether the agent runs now (else its card comes from the orchestrator's bundled snapshots)
 * @param skill the skill
 */
public record Candidate(String agent, String url, boolean running, SkillCard skill) {

    /** {@code <agent>:<skill id>}. */
    public String key() {
        return agent + ":" + skill.id();
    }
}
