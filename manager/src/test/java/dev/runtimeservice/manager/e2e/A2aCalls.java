package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.mcp.A2aClients;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TextPart;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** One agent as the official A2A Java client (1.0.0.Alpha3, over JSON-RPC) sees it: send, stream, get, cancel. */
final class A2aCalls {

    private final Client blocking;
    private final Client streaming;

    A2aCalls(AgentCard card) throws Exception {
        this.blocking = client(card, false);
        this.streaming = client(card, true);
    }

    /** The agent's card as the 1.0 client reads it, through the manager's own A2A factory. */
    static AgentCard card(String agentUrl) throws Exception {
        A2aClients clients = new A2aClients();
        return clients.card(clients.cardJson(URI.create(agentUrl)));
    }

    private static Client client(AgentCard card, boolean streams) throws Exception {
        return Client.builder(card)
                .clientConfig(new ClientConfig.Builder().setStreaming(streams).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
    }

    static Message text(String text) {
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .parts(new TextPart(text))
                .build();
    }

    static Message data(Map<String, Object> data) {
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .parts(new DataPart(data))
                .build();
    }

    /** What the agent said in the task's status. */
    static String say(Task task) {
        return task.status().message() == null
                ? ""
                : ((TextPart) task.status().message().parts().get(0)).text();
    }

    Task send(Message message) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        blocking.sendMessage(message, List.of((event, card) -> events.add(event)), error -> {}, null);
        assertThat(events).hasSize(1);
        return task(events.get(0));
    }

    /** Streams a message and answers the task as the last event left it, after the stream ended. */
    Task stream(Message message) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        streaming.sendMessage(message, List.of((event, card) -> events.add(event)), errors::add, null);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> errors.stream().anyMatch(A2aCalls::isProtocolError)
                        || (!events.isEmpty()
                                && task(events.get(events.size() - 1))
                                        .status()
                                        .state()
                                        .isFinal()));
        assertThat(errors).filteredOn(A2aCalls::isProtocolError).isEmpty();
        assertThat(events.get(0)).isInstanceOf(TaskEvent.class);
        return task(events.get(events.size() - 1));
    }

    /**
     * Whether the client reported an error of the agent's. This client closes its channel itself once a final
     * status arrives (SSEEventListener cancels the request), after which the JDK client may report the unread end
     * of the chunked body as an IOException; and it reports a normal end of stream as a null error.
     */
    private static boolean isProtocolError(Throwable error) {
        return error != null && !(error instanceof java.io.IOException);
    }

    Task get(String id) throws Exception {
        return blocking.getTask(new TaskQueryParams(id), null);
    }

    Task cancel(String id) throws Exception {
        return blocking.cancelTask(new TaskIdParams(id), null);
    }

    private static Task task(ClientEvent event) {
        return event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask();
    }
}
