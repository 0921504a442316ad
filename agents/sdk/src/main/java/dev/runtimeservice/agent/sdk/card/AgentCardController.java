package dev.runtimeservice.agent.sdk.card;

import dev.runtimeservice.agent.sdk.identity.AgentIdentity;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.AgentRuntime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the agent's A2A card at {@code /.well-known/agent-card.json}. */
@RestController
class AgentCardController {

    private final AgentIdentity identity;
    private final AgentRuntime runtime;
    private final List<AgentSkill> skills;

    AgentCardController(AgentIdentity identity, AgentRuntime runtime, List<AgentSkill> skills) {
        this.identity = identity;
        this.runtime = runtime;
        this.skills = List.copyOf(skills);
    }

    @GetMapping("/.well-known/agent-card.json")
    AgentCard card() {
        return new AgentCard(AgentCard.PROTOCOL_VERSION, identity.name(), identity.description(),
                runtime.baseUrl().toString(), AgentCard.TRANSPORT, identity.version(),
                new AgentCard.Capabilities(false, false), AgentSkill.DEFAULT_INPUT_MODES,
                AgentSkill.DEFAULT_OUTPUT_MODES, skills);
    }
}
