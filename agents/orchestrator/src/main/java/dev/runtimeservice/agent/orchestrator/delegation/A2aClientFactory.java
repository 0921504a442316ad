package dev.runtimeservice.agent.orchestrator.delegation;

import dev.runtimeservice.agent.sdk.observability.OutgoingCalls;
import io.a2a.client.Client;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.client.transport.spi.interceptors.ClientCallInterceptor;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentInterface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where the orchestrator's A2A clients (the official A2A Java SDK, 1.0.0.Alpha3, JSON-RPC binding) are
 * made: every outgoing A2A call goes through a client from here, so a header for every call (a trace context, say)
 * is added once, with {@link #addInterceptor}.
 */
@Component
public class A2aClientFactory {

    /** The header that carries the request id into the called agent's logs. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final List<String> MODES = List.of("text/plain", "application/json");

    private final A2AHttpClient http;
    private final OutgoingCalls outgoing;
    private final List<ClientCallInterceptor> interceptors = new CopyOnWriteArrayList<>();

    A2aClientFactory(JsonMapper json, OutgoingCalls outgoing) {
        this.http = new NullDroppingHttpClient(new JdkA2AHttpClient(), json);
        this.outgoing = outgoing;
    }

    /**
     * Adds an interceptor that sees (and may change the headers of) every A2A call made from now on.
     *
     * @param interceptor the interceptor
     */
    public void addInterceptor(ClientCallInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    /**
     * A blocking (non-streaming) client for one agent's JSON-RPC endpoint.
     *
     * <p>The card is made from what discovery kept (name and JSON-RPC URL), not parsed again: 1.0.0.Alpha3 refuses a
     * card with any field a2a.proto lacks, and the cards of agents written elsewhere (or our own, which keep the 0.3
     * fields for 0.3 clients) have such fields.
     *
     * @param agent the agent's name
     * @param jsonRpcUrl its A2A JSON-RPC endpoint, from its card
     * @return a client; close it after use
     * @throws A2AClientException when the client cannot be made
     */
    public Client client(String agent, String jsonRpcUrl) throws A2AClientException {
        AgentCard card = AgentCard.builder()
                .name(agent)
                .description(agent)
                .version("")
                .supportedInterfaces(List.of(new AgentInterface("JSONRPC", jsonRpcUrl)))
                .capabilities(AgentCapabilities.builder().streaming(false).build())
                .defaultInputModes(MODES)
                .defaultOutputModes(MODES)
                .skills(List.of())
                .build();
        JSONRPCTransportConfig transport = new JSONRPCTransportConfig(http);
        transport.setInterceptors(List.copyOf(interceptors));
        return Client.builder(card)
                .clientConfig(new ClientConfig.Builder()
                        .setStreaming(false)
                        .setAcceptedOutputModes(MODES)
                        .build())
                .withTransport(JSONRPCTransport.class, transport)
                .build();
    }

    /**
     * The context of one call: it carries the request id and the W3C trace context of the current span (the
     * step's "agent call"), so the called agent's spans join the instruction's trace. Make it inside that span, on
     * the thread that runs it: a worker thread the call is handed to has no current span.
     *
     * @param requestId the id of the instruction being carried out
     * @return the call context
     */
    public ClientCallContext context(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>(outgoing.traceHeaders());
        headers.put(REQUEST_ID_HEADER, requestId);
        return new ClientCallContext(Map.of(), Map.copyOf(headers));
    }
}
