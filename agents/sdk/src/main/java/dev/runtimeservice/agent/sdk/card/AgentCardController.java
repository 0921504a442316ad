package dev.runtimeservice.agent.sdk.card;

import dev.runtimeservice.agent.sdk.identity.AgentIdentity;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.AgentRuntime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the agent's A2A card at {@code /.well-known/agent-card.json}, in the shape the client's protocol version
 * asks for. A2A 1.0 (specification, "Versioning") has clients send {@value #VERSION} with every request and agents
 * read no version as 0.3. So a request that asks for 1.x gets the 1.0 card alone: strict 1.0 parsers (the official
 * Java client 1.0.0.Alpha3 refuses any field a2a.proto lacks) read it as it is. Any other request, which is what 0.3
 * clients send, gets the 1.0 card with the 0.3 fields beside it, which clients of either version read.
 */
@RestController
class AgentCardController {

    /** The A2A header (or query parameter) naming the protocol version the client speaks. */
    static final String VERSION = "A2A-Version";

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
    ResponseEntity<AgentCard> card(
            @RequestHeader(name = VERSION, required = false) @Nullable String header,
            @RequestParam(name = VERSION, required = false) @Nullable String parameter) {
        String asked = header != null ? header : parameter;
        AgentCard card = asksForOneX(asked) ? oneZeroCard() : withZeroThreeFields(oneZeroCard());
        // The answer depends on the header: a cache must not hand one client's card to the other.
        return ResponseEntity.ok().header(HttpHeaders.VARY, VERSION).body(card);
    }

    private static boolean asksForOneX(@Nullable String version) {
        String asked = version == null ? "" : version.trim();
        return asked.equals("1") || asked.startsWith("1.");
    }

    private AgentCard oneZeroCard() {
        String base = runtime.baseUrl().toString().replaceAll("/+$", "");
        return new AgentCard(
                identity.name(),
                identity.description(),
                List.of(
                        new AgentCard.Interface(base + JSONRPC_PATH, AgentCard.JSONRPC, AgentCard.PROTOCOL_VERSION, ""),
                        new AgentCard.Interface(base + REST_PATH, AgentCard.HTTP_JSON, AgentCard.PROTOCOL_VERSION, "")),
                identity.version(),
                new AgentCard.Capabilities(true, false, false),
                AgentSkill.DEFAULT_INPUT_MODES,
                AgentSkill.DEFAULT_OUTPUT_MODES,
                skills,
                null,
                null,
                null,
                null);
    }

    /** The 0.3 fields name the JSON-RPC endpoint, whose 0.3 method names answer in 0.3 shapes. */
    private static AgentCard withZeroThreeFields(AgentCard card) {
        String jsonRpc = card.supportedInterfaces().get(0).url();
        return new AgentCard(
                card.name(),
                card.description(),
                card.supportedInterfaces(),
                card.version(),
                card.capabilities(),
                card.defaultInputModes(),
                card.defaultOutputModes(),
                card.skills(),
                AgentCard.LEGACY_PROTOCOL_VERSION,
                jsonRpc,
                AgentCard.JSONRPC,
                List.of(new AgentCard.LegacyInterface(jsonRpc, AgentCard.JSONRPC)));
    }
}
