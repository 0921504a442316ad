package dev.runtimeservice.agent.gpt4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.testsupport.A2aClients;
import dev.runtimeservice.testsupport.A2aStreamErrors;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gpt4 agent over A2A with the real in-process model (stories260K), through the official A2A Java client:
 * streamed tokens, a cancel that stops the model, and a conversation threaded by its contextId.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // A generation long enough to cancel on any machine: 8000 tokens, past the end of text.
            "gpt4.embedded.context-size=8192",
            "gpt4.embedded.ignore-eos=true",
            "gpt4.limits.max-tokens=8000"
        })
class Gpt4A2aTests {

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    /** What the client reported besides events; see {@link #assertNoAgentError()}. */
    final A2aStreamErrors errors = new A2aStreamErrors();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("gpt4.embedded.model-path", () -> TestModel.path().toString());
        registry.add("agent.home", home::toString);
    }

    @Test
    void aStreamedGenerationSendsTheTokensAsTheyComeAndTheWholeTextAsTheAnswer() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();

        A2aClients.jsonRpc(port, true)
                .sendMessage(generate("Once upon a time", 20, null), List.of((e, c) -> events.add(e)), errors, null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events.isEmpty() && state(last(events)).isFinal());
        Task task = task(last(events));
        assertThat(task.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        String streamed = String.join("", pieces(events));
        assertThat(streamed).isEqualTo(EmbeddedGenerationTests.STORY_42);
        assertThat(pieces(events)).hasSizeGreaterThan(5);
        assertThat(task.artifacts())
                .filteredOn(a -> a.artifactId().endsWith("-answer"))
                .singleElement()
                .satisfies(a ->
                        assertThat(((TextPart) a.parts().get(0)).text()).isEqualTo(EmbeddedGenerationTests.STORY_42));
    }

    @Test
    void cancellingAGenerationStopsTheModel() throws Exception {
        long cancelledBefore = statusNumber("$.generation.cancelled");
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        A2aClients.jsonRpc(port, true)
                .sendMessage(generate("Once upon a time", 8000, null), List.of((e, c) -> events.add(e)), errors, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> pieces(events).size() > 3);

        Task cancelled = A2aClients.jsonRpc(port, false)
                .cancelTask(new TaskIdParams(task(events.get(0)).id()), null);

        // The cancel answers once the model stopped at its next token, and says after how many.
        assertThat(cancelled.status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
        String said = ((TextPart) cancelled.status().message().parts().get(0)).text();
        java.util.regex.Matcher stoppedAfter = java.util.regex.Pattern.compile("The model stopped after (\\d+) tokens")
                .matcher(said);
        assertThat(stoppedAfter.find()).as(said).isTrue();
        int tokens = Integer.parseInt(stoppedAfter.group(1));
        assertThat(tokens).isBetween(4, 7999);
        assertThat(statusNumber("$.generation.cancelled")).isEqualTo(cancelledBefore + 1);
        assertThat(statusNumber("$.generation.active")).isZero();
        // The stream ends with the canceled status, and holds no more pieces than the model made.
        await().atMost(Duration.ofSeconds(10)).until(() -> state(last(events)) == TaskState.TASK_STATE_CANCELED);
        assertThat(pieces(events).size()).isLessThanOrEqualTo(tokens);
    }

    @Test
    void theChatSkillAnswersOverA2aWhatV1ChatCompletionsAnswers() throws Exception {
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"Once upon a time\"}], "
                + "\"max_tokens\": 12, \"seed\": 42}";
        Map<String, Object> overRest = JsonMapper.builder()
                .build()
                .readValue(
                        RestTestClient.bindToServer()
                                .baseUrl("http://127.0.0.1:" + port)
                                .build()
                                .post()
                                .uri("/v1/chat/completions")
                                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                .body(body)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody(),
                        Map.class);

        Task overA2a = send(Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(Map.of("skill", "chat"))
                .parts(new DataPart(JsonMapper.builder().build().readValue(body, Map.class)))
                .build());

        assertThat(overA2a.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        Map<?, ?> data =
                (Map<?, ?>) ((DataPart) overA2a.artifacts().get(0).parts().get(1)).data();
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) data.get("choices")).get(0);
        Map<?, ?> restChoice = (Map<?, ?>) ((List<?>) overRest.get("choices")).get(0);
        String content = (String) ((Map<?, ?>) restChoice.get("message")).get("content");
        assertThat(content).isNotBlank();
        // The same answer. Over A2A, null fields (refusal, logprobs) are left out of the data part, which the Java
        // client cannot read with them, and numbers come back as doubles (a protobuf Struct's only number type).
        assertThat(((Map<?, ?>) choice.get("message")).get("content")).isEqualTo(content);
        assertThat(choice.get("finish_reason")).isEqualTo(restChoice.get("finish_reason"));
        assertThat(((Number) ((Map<?, ?>) data.get("usage")).get("total_tokens")).intValue())
                .isEqualTo(((Map<?, ?>) overRest.get("usage")).get("total_tokens"));
        assertThat(data.get("object")).isEqualTo("chat.completion");
        assertThat(((TextPart) overA2a.artifacts().get(0).parts().get(0)).text())
                .isEqualTo(content);
    }

    @Test
    void aFollowUpInTheSameContextIsGeneratedAfterTheEarlierTurns() throws Exception {
        String context = UUID.randomUUID().toString();
        Task first = send(generate("Once upon a time", 10, context));
        Task alone = send(generate("The dog ran", 5, null));

        Task followUp = send(generate("The dog ran", 5, context));

        assertThat(first.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        // The follow-up's prompt holds the first turn and its answer: many more prompt tokens than the text alone.
        assertThat(promptTokens(followUp)).isGreaterThan(promptTokens(alone) + 10);
    }

    private Task send(Message message) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        A2aClients.jsonRpc(port, false).sendMessage(message, List.of((e, c) -> events.add(e)), errors, null);
        return task(last(events));
    }

    @SuppressWarnings("unchecked")
    private static long promptTokens(Task task) {
        Map<String, Object> data = (Map<String, Object>)
                ((DataPart) task.artifacts().get(0).parts().get(1)).data();
        return ((Number) ((Map<String, Object>) data.get("usage")).get("prompt_tokens")).longValue();
    }

    private static Message generate(String prompt, int maxTokens, String contextId) {
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .contextId(contextId)
                .metadata(Map.of("skill", "generate"))
                .parts(new DataPart(Map.of("prompt", prompt, "max_tokens", maxTokens, "seed", 42)))
                .build();
    }

    private static List<String> pieces(List<ClientEvent> events) {
        return events.stream()
                .filter(TaskUpdateEvent.class::isInstance)
                .map(e -> ((TaskUpdateEvent) e).getUpdateEvent())
                .filter(TaskArtifactUpdateEvent.class::isInstance)
                .map(u -> (TaskArtifactUpdateEvent) u)
                .filter(u -> u.artifact().artifactId().endsWith("-stream"))
                .map(u -> ((TextPart) u.artifact().parts().get(0)).text())
                .toList();
    }

    private static ClientEvent last(List<ClientEvent> events) {
        return events.get(events.size() - 1);
    }

    private static Task task(ClientEvent event) {
        return event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask();
    }

    private static TaskState state(ClientEvent event) {
        return task(event).status().state();
    }

    private long statusNumber(String path) {
        Number[] value = new Number[1];
        RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .get()
                .uri("/status")
                .exchange()
                .expectBody()
                .jsonPath(path)
                .value(Number.class, n -> value[0] = n);
        return value[0].longValue();
    }

    @org.junit.jupiter.api.AfterEach
    void assertNoAgentError() {
        errors.assertNoneFromAgent();
    }
}
