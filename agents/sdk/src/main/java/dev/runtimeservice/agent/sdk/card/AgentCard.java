package dev.runtimeservice.agent.sdk.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An A2A agent card, as served at {@code /.well-known/agent-card.json}: the fields of A2A 1.0
 * ({@code supportedInterfaces}, each with its binding and protocol version), and beside them the fields a 0.3 client
 * reads ({@code protocolVersion}, {@code url}, {@code preferredTransport}, {@code additionalInterfaces}), left out
 * (null) when the client asked for 1.0; a lenient client of either version ignores the other's.
 *
 * @param name the agent's name
 * @param description what the agent does
 * @param supportedInterfaces 1.0: where and how to talk to the agent, preferred first
 * @param version the version of the agent's build
 * @param capabilities optional protocol features the agent supports
 * @param defaultInputModes media types the agent accepts unless a skill says otherwise
 * @param defaultOutputModes media types the agent produces unless a skill says otherwise
 * @param skills what the agent can do
 * @param protocolVersion 0.3: the protocol version of {@code url}, {@value #LEGACY_PROTOCOL_VERSION}, or null
 * @param url 0.3: the preferred endpoint, or null
 * @param preferredTransport 0.3: the binding of {@code url}, or null
 * @param additionalInterfaces 0.3: every endpoint with its binding, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentCard(
        String name,
        String description,
        List<Interface> supportedInterfaces,
        String version,
        Capabilities capabilities,
        List<String> defaultInputModes,
        List<String> defaultOutputModes,
        List<AgentSkill> skills,
        @Nullable String protocolVersion,
        @Nullable String url,
        @Nullable String preferredTransport,
        @Nullable List<LegacyInterface> additionalInterfaces) {

    /** The A2A protocol version of the interfaces. */
    public static final String PROTOCOL_VERSION = "1.0";

    /** The 0.3 protocol version 0.3 clients read; the JSON-RPC endpoint also answers the 0.3 method names. */
    public static final String LEGACY_PROTOCOL_VERSION = "0.3.0";

    /** The A2A binding name of JSON-RPC 2.0. */
    public static final String JSONRPC = "JSONRPC";

    /** The A2A binding name of plain HTTP with JSON bodies. */
    public static final String HTTP_JSON = "HTTP+JSON";

    /**
     * A 1.0 interface ({@code AgentInterface}).
     *
     * @param url where it answers
     * @param protocolBinding {@value #JSONRPC} or {@value #HTTP_JSON}
     * @param protocolVersion the protocol version it speaks
     * @param tenant empty: these agents have no tenants
     */
    public record Interface(String url, String protocolBinding, String protocolVersion, String tenant) {}

    /**
     * A 0.3 interface.
     *
     * @param url where it answers
     * @param transport its binding
     */
    public record LegacyInterface(String url, String transport) {}

    /**
     * Optional A2A features.
     *
     * @param streaming whether the agent streams answers
     * @param pushNotifications whether the agent pushes task updates
     * @param extendedAgentCard whether an extended card is served to authenticated clients
     */
    public record Capabilities(boolean streaming, boolean pushNotifications, boolean extendedAgentCard) {}
}
