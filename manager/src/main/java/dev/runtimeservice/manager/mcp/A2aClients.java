package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.process.AgentHttp;
import io.a2a.client.Client;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.grpc.utils.JSONRPCUtils;
import io.a2a.grpc.utils.ProtoUtils;
import io.a2a.spec.AgentCard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place the manager makes A2A clients (the official A2A Java SDK 1.0 client, JSON-RPC binding) and reads
 * agents' cards, so that what every A2A call needs (trace headers, timeouts) is added here once.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
public class A2aClients {

    /** Where every A2A agent publishes its card. */
    static final String CARD_PATH = "/.well-known/agent-card.json";

    // The A2A version this client speaks (specification, section 3.6). An SDK agent asked for 1.x serves the 1.0 card
    // alone; without the header it adds 0.3's fields for 0.3 clients, which the 1.0 client's strict parser refuses.
    private static final String A2A_VERSION = "1.0";
    // An agent that ignores the header may still serve 0.3's fields beside 1.0's (the Python agent of OrchestratorIT
    // does). Later 1.0 clients ignore fields 1.0 does not define; 1.0.0.Alpha3 refuses them, so they are taken out.
    private static final List<String> OLD_CARD_FIELDS =
            List.of("protocolVersion", "url", "preferredTransport", "additionalInterfaces");
    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(5);
    private static final String JSON_RPC = "JSONRPC";

    private final HttpClient http = AgentHttp.client();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The agent's card as it serves it to an A2A 1.0 client, JSON text. */
    public String cardJson(URI agentUrl) throws IOException, InterruptedException {
        return get(agentUrl.resolve(CARD_PATH));
    }

    /** The answer of a GET on the agent, when it is 200; an IOException naming the status otherwise. */
    String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(CARD_TIMEOUT)
                        .header("A2A-Version", A2A_VERSION)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /**
     * Whether the card offers an A2A 1.0 JSON-RPC interface, the one binding {@link #client} speaks. A card with only
     * 0.3's {@code url} and {@code preferredTransport} (an agent on an A2A 0.3 SDK) has none: the A2A Java client
     * 1.0.0.Alpha3 has no 0.3 transport to call it with.
     */
    boolean offersJsonRpc(String cardJson) throws IOException {
        for (JsonNode offered : json.readTree(cardJson).path("supportedInterfaces")) {
            if (JSON_RPC.equals(offered.path("protocolBinding").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** The card as the A2A 1.0 client reads it. */
    public AgentCard card(String cardJson) throws IOException {
        ObjectNode card = (ObjectNode) json.readTree(cardJson);
        card.remove(OLD_CARD_FIELDS);
        io.a2a.grpc.AgentCard.Builder builder = io.a2a.grpc.AgentCard.newBuilder();
        try {
            JSONRPCUtils.parseJsonString(card.toString(), builder, "");
        } catch (Exception e) {
            throw new IOException("the agent card is not a valid A2A 1.0 card: " + e.getMessage(), e);
        }
        return ProtoUtils.FromProto.agentCard(builder);
    }

    /** A client that sends one message and waits for the task's answer (no streaming), over JSON-RPC. */
    Client client(AgentCard card) throws IOException {
        try {
            return Client.builder(card)
                    .clientConfig(new ClientConfig.Builder()
                            .setStreaming(false)
                            .setAcceptedOutputModes(List.of("text/plain", "application/json"))
                            .build())
                    .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                    .build();
        } catch (Exception e) {
            throw new IOException("the A2A client could not be made for this card: " + e.getMessage(), e);
        }
    }
}
