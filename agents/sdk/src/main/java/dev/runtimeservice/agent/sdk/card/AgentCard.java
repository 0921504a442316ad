package dev.runtimeservice.agent.sdk.card;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;

/**
 * An A2A agent card (protocol 0.3.0), as served at {@code /.well-known/agent-card.json}; agents
 * that discover others may read cards into this type too.
 *
 * @param protocolVersion the A2A protocol version, {@value #PROTOCOL_VERSION}
 * @param name the agent's name
 * @param description what the agent does
 * @param url the agent's base URL
 * @param preferredTransport how to talk to the agent; {@value #TRANSPORT} for these agents
 * @param version the version of the agent's build
 * @param capabilities optional protocol features the agent supports
 * @param defaultInputModes media types the agent accepts unless a skill says otherwise
 * @param defaultOutputModes media types the agent produces unless a skill says otherwise
 * @param skills what the agent can do; empty when it has no skills yet
 */
public record AgentCard(
        String protocolVersion,
        String name,
        String description,
        String url,
        String preferredTransport,
        String version,
        Capabilities capabilities,
        List<String> defaultInputModes,
        List<String> defaultOutputModes,
        List<AgentSkill> skills) {

    /** The A2A protocol version these cards follow. */
    public static final String PROTOCOL_VERSION = "0.3.0";

    /** The A2A transport name for plain HTTP with JSON bodies. */
    public static final String TRANSPORT = "HTTP+JSON";

    /**
     * Optional A2A features.
     *
     * @param streaming whether the agent streams answers
     * @param pushNotifications whether the agent pushes task updates
     */
    public record Capabilities(boolean streaming, boolean pushNotifications) {
    }
}
