package dev.runtimeservice.testsupport;

import io.a2a.client.Client;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.A2AClientError;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.A2AClientJSONError;
import io.a2a.spec.AgentCard;
import java.util.Map;

/**
 * The official A2A Java SDK's 1.0 client of an agent on this machine, as the agents' tests use it. A module whose
 * tests use this class has the client's jars among its own test dependencies (they are optional here).
 */
public final class A2aClients {

    private A2aClients() {}

    /**
     * The agent's card as the 1.0 client's own resolver reads it, unmodified. Its 1.0.0.Alpha3 (the only 1.0 build on
     * Maven Central) refuses any field a2a.proto lacks, and sends no {@code A2A-Version} when it fetches the card
     * unless told to: told, as A2A 1.0 asks of clients, it gets the 1.0 card alone.
     */
    public static AgentCard card(int port) throws A2AClientError, A2AClientJSONError {
        return new A2ACardResolver(
                        new JdkA2AHttpClient(), "http://127.0.0.1:" + port, null, null, Map.of("A2A-Version", "1.0"))
                .getAgentCard();
    }

    /** A client of the agent's JSON-RPC binding, which asks for streamed answers or not. */
    public static Client jsonRpc(int port, boolean streaming)
            throws A2AClientError, A2AClientJSONError, A2AClientException {
        return Client.builder(card(port))
                .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
    }
}
