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

    /** Where the SDK serves the JSON-RPC binding, relative to the agent's base URL. */
    static final String JSONRPC_PATH = "/a2a";

    /** Where the SDK serves the HTTP+JSON binding, relative to the agent's base URL. */
    static final String REST_PATH = "/a2a/rest";

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
        String base = runtime.baseUrl().toString().replaceAll("/+$", "");
        String jsonRpc = base + JSONRPC_PATH;
        String rest = base + REST_PATH;
        return new AgentCard(
                identity.name(),
                identity.description(),
                List.of(
                        new AgentCard.Interface(jsonRpc, AgentCard.JSONRPC, AgentCard.PROTOCOL_VERSION, ""),
                        new AgentCard.Interface(rest, AgentCard.HTTP_JSON, AgentCard.PROTOCOL_VERSION, "")),
                identity.version(),
                new AgentCard.Capabilities(true, false, false),
                AgentSkill.DEFAULT_INPUT_MODES,
                AgentSkill.DEFAULT_OUTPUT_MODES,
                skills,
                AgentCard.LEGACY_PROTOCOL_VERSION,
                jsonRpc,
                AgentCard.JSONRPC,
                List.of(new AgentCard.LegacyInterface(jsonRpc, AgentCard.JSONRPC)));
    }
}
