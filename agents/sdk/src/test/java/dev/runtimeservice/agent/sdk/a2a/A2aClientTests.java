package dev.runtimeservice.agent.sdk.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import dev.runtimeservice.testsupport.A2aClients;
import dev.runtimeservice.testsupport.A2aStreamErrors;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.client.transport.rest.RestTransport;
import io.a2a.client.transport.rest.RestTransportConfig;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DataPart;
import io.a2a.spec.ListTasksParams;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SDK's A2A server, used through the official A2A Java SDK's 1.0 client, over both bindings. */
@SpringBootTest(
        classes = TestAgentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agent.name=test-agent")
class A2aClientTests {

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    /** What the client reported besides events; the agent's errors fail the test. */
    final A2aStreamErrors errors = new A2aStreamErrors();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("agent.home", home::toString);
    }

    @Test
    void theOfficialClientReadsTheCardWithBothBindingsAndStreaming() throws Exception {
        AgentCard card = A2aClients.card(port);

        assertThat(card.supportedInterfaces())
                .extracting(i -> i.protocolBinding() + " " + i.url())
                .containsExactly(
                        "JSONRPC http://127.0.0.1:" + port + "/a2a",
                        "HTTP+JSON http://127.0.0.1:" + port + "/a2a/rest");
        assertThat(card.capabilities().streaming()).isTrue();
        assertThat(card.skills()).extracting(io.a2a.spec.AgentSkill::id).containsExactly("echo", "count");
    }

    @Test
    void aTextMessageRunsTheMatchingSkillAndAnswersATaskWithATextAndADataPart() throws Exception {
        Task task = send(client(false, JSONRPCTransport.class), text("echo hello", null, null));

        assertThat(task.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(task.artifacts()).singleElement().satisfies(artifact -> {
            assertThat(((TextPart) artifact.parts().get(0)).text()).isEqualTo("echo hello");
            assertThat(((DataPart) artifact.parts().get(1)).data())
                    .isEqualTo(Map.of("echo", "echo hello", "earlier_turns", 0.0));
        });
        Task read = client(false, JSONRPCTransport.class).getTask(new TaskQueryParams(task.id()), null);
        assertThat(read.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(read.history()).extracting(Message::messageId).isNotEmpty();
    }

    @Test
    void aDataPartNamingTheSkillCarriesItsInput() throws Exception {
        Message message = Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .parts(new DataPart(Map.of("skill", "count", "input", Map.of("to", 3, "delay_ms", 0))))
                .build();

        Task task = send(client(false, JSONRPCTransport.class), message);

        assertThat(task.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(((TextPart) task.artifacts().get(0).parts().get(0)).text()).isEqualTo("counted to 3");
    }

    @Test
    void textThatFitsNoSkillAsksWhichOneAndTheAnswerRunsItOnTheFirstText() throws Exception {
        Client client = client(false, JSONRPCTransport.class);
        Task asked = send(client, text("bonjour tout le monde", null, null));

        assertThat(asked.status().state()).isEqualTo(TaskState.TASK_STATE_INPUT_REQUIRED);
        assertThat(((TextPart) asked.status().message().parts().get(0)).text()).contains("echo", "count");

        Task answered = send(client, text("echo", asked.contextId(), asked.id()));
        assertThat(answered.id()).isEqualTo(asked.id());
        assertThat(answered.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(((TextPart) answered.artifacts().get(0).parts().get(0)).text())
                .isEqualTo("bonjour tout le monde");
    }

    @Test
    void inputTheSkillCannotServeFailsTheTaskWithWhatToChange() throws Exception {
        Message tooMany = Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(Map.of("skill", "count"))
                .parts(new DataPart(Map.of("to", 5000, "delay_ms", 0)))
                .build();
        Message invalid = Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(Map.of("skill", "count"))
                .parts(new DataPart(Map.of("to", 0, "delay_ms", 0)))
                .build();

        Task failed = send(client(false, JSONRPCTransport.class), tooMany);
        Task rejected = send(client(false, JSONRPCTransport.class), invalid);

        assertThat(failed.status().state()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(((TextPart) failed.status().message().parts().get(0)).text()).contains("at most 1000");
        assertThat(rejected.status().state()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(((TextPart) rejected.status().message().parts().get(0)).text())
                .contains("to ", "invalid");
    }

    @Test
    void aFollowUpInTheSameContextSeesTheEarlierTurns() throws Exception {
        String context = UUID.randomUUID().toString();
        Client client = client(false, JSONRPCTransport.class);
        send(client, text("echo one", context, null));

        Task second = send(client, text("echo two", context, null));

        assertThat(second.contextId()).isEqualTo(context);
        assertThat(((DataPart) second.artifacts().get(0).parts().get(1)).data())
                .isEqualTo(Map.of("echo", "echo two", "earlier_turns", 2.0));
        var listed =
                client.listTasks(ListTasksParams.builder().contextId(context).build(), null);
        assertThat(listed.tasks()).hasSize(2);
    }

    @Test
    void aStreamedMessageSendsEachPieceAsItComesAndEndsCompleted() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        Client client = client(true, JSONRPCTransport.class);

        client.sendMessage(count(5, 10), List.of(collect(events)), errors, null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !events.isEmpty() && state(last(events)).isFinal());
        assertThat(state(last(events))).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        List<String> pieces = events.stream()
                .filter(TaskUpdateEvent.class::isInstance)
                .map(e -> ((TaskUpdateEvent) e).getUpdateEvent())
                .filter(TaskArtifactUpdateEvent.class::isInstance)
                .map(u -> ((TaskArtifactUpdateEvent) u).artifact().parts().get(0))
                .map(p -> ((TextPart) p).text())
                .toList();
        assertThat(pieces).startsWith("1 ", "2 ", "3 ", "4 ", "5 ");
    }

    @Test
    void cancellingARunningTaskStopsItsWork() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        Client streaming = client(true, JSONRPCTransport.class);
        streaming.sendMessage(count(1000, 20), List.of(collect(events)), errors, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() > 3);
        String id = taskOf(events.get(0)).id();

        Task cancelled = client(false, JSONRPCTransport.class).cancelTask(new TaskIdParams(id), null);

        // The cancel answers once the work stopped at its safe point, and says where.
        assertThat(cancelled.status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
        assertThat(TestAgentApplication.COUNTED).anyMatch(n -> n > 0 && n < 1000);
        assertThat(((TextPart) cancelled.status().message().parts().get(0)).text())
                .startsWith("Cancelled by the client. Counted to ");
        Task later = client(false, JSONRPCTransport.class).getTask(new TaskQueryParams(id), null);
        assertThat(later.status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
    }

    @Test
    void aSecondClientSubscribingToARunningTaskGetsItsSnapshotThenItsEventsUntilItEnds() throws Exception {
        for (Class<?> transport : List.of(JSONRPCTransport.class, RestTransport.class)) {
            List<ClientEvent> started = new CopyOnWriteArrayList<>();
            client(true, JSONRPCTransport.class).sendMessage(count(40, 25), List.of(collect(started)), errors, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> started.size() > 2);
            List<ClientEvent> followed = new CopyOnWriteArrayList<>();

            client(true, transport)
                    .subscribeToTask(new TaskIdParams(taskOf(started.get(0)).id()), List.of(collect(followed)), errors);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !followed.isEmpty() && state(last(followed)).isFinal());
            assertThat(state(last(followed))).as(transport.getSimpleName()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
            assertThat(followed.stream().filter(TaskUpdateEvent.class::isInstance))
                    .isNotEmpty();
            // The snapshot holds the text streamed before the subscription, so the pieces after it (append=true)
            // add to it, and the client that came late has the whole streamed answer, as the first one has.
            String counted = IntStream.rangeClosed(1, 40).mapToObj(n -> n + " ").collect(Collectors.joining());
            assertThat(streamedText(last(followed)))
                    .as(transport.getSimpleName())
                    .isEqualTo(counted);
            assertThat(streamedText(last(started))).isEqualTo(counted);
        }
    }

    /** The text of the task's streamed artifact, as the official client put its pieces together. */
    private static String streamedText(ClientEvent event) {
        return taskOf(event).artifacts().stream()
                .filter(artifact -> artifact.artifactId().endsWith("-stream"))
                .flatMap(artifact -> artifact.parts().stream())
                .map(part -> ((TextPart) part).text())
                .collect(Collectors.joining());
    }

    @Test
    void theHttpJsonBindingServesTheSameTasks() throws Exception {
        Client rest = client(false, RestTransport.class);

        Task task = send(rest, text("echo over rest", null, null));
        Task read = rest.getTask(new TaskQueryParams(task.id()), null);

        assertThat(read.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(((TextPart) read.artifacts().get(0).parts().get(0)).text()).isEqualTo("echo over rest");
    }

    private Client client(boolean streaming, Class<?> transport) throws Exception {
        var builder = Client.builder(A2aClients.card(port))
                .clientConfig(new ClientConfig.Builder()
                        .setStreaming(streaming)
                        .setAcceptedOutputModes(List.of("text/plain", "application/json"))
                        .build());
        if (transport == RestTransport.class) {
            builder.withTransport(RestTransport.class, new RestTransportConfig());
        } else {
            builder.withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig());
        }
        return builder.build();
    }

    private Task send(Client client, Message message) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        client.sendMessage(message, List.of(collect(events)), errors, null);
        return taskOf(last(events));
    }

    private static Message text(String text, String contextId, String taskId) {
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .contextId(contextId)
                .taskId(taskId)
                .parts(new TextPart(text))
                .build();
    }

    private static Message count(int to, int delayMs) {
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(Map.of("skill", "count"))
                .parts(new DataPart(Map.of("to", to, "delay_ms", delayMs)))
                .build();
    }

    private static BiConsumer<ClientEvent, AgentCard> collect(List<ClientEvent> events) {
        return (event, card) -> events.add(event);
    }

    private static ClientEvent last(List<ClientEvent> events) {
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private static Task taskOf(ClientEvent event) {
        return event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask();
    }

    private static TaskState state(ClientEvent event) {
        return taskOf(event).status().state();
    }

    @org.junit.jupiter.api.AfterEach
    void assertNoAgentError() {
        errors.assertNoneFromAgent();
    }
}
