package dev.runtimeservice.agent.gpt4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The agent serving the real in-process model (stories260K) over real HTTP, with one slot and no queue. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gpt4.embedded.max-concurrent=1", "gpt4.embedded.max-queued=0", "gpt4.embedded.retry-after=3s",
            // A generation that holds the only slot for seconds on any machine: 8000 tokens, past the end of text.
            "gpt4.embedded.context-size=8192", "gpt4.embedded.ignore-eos=true", "gpt4.limits.max-tokens=8000"
        })
class EmbeddedGenerationTests {

    /** What stories260K writes after "Once upon a time" with seed 42; the same on every run. */
    static final String STORY_42 = ", there was a little boy named Timmy. Timmy loved to play with his toy";

    @LocalServerPort
    int port;

    private final List<Socket> sockets = new ArrayList<>();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("gpt4.embedded.model-path", () -> TestModel.path().toString());
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey("not-needed")
                .maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams.Builder story() {
        return ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Once upon a time")
                .maxCompletionTokens(20)
                .seed(42);
    }

    @Test
    void generateContinuesThePromptExactlyTheSameWayForAFixedSeed() {
        client().post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"Once upon a time\",\"max_tokens\":20,\"seed\":42}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo(STORY_42)
                .jsonPath("$.model")
                .isEqualTo("stories260K")
                .jsonPath("$.finish_reason")
                .isEqualTo("length")
                .jsonPath("$.usage.prompt_tokens")
                .isEqualTo(4)
                .jsonPath("$.usage.completion_tokens")
                .isEqualTo(20)
                .jsonPath("$.usage.total_tokens")
                .isEqualTo(24);
    }

    @Test
    void aStopTextEndsTheGenerationWithReasonStop() {
        client().post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"Once upon a time\",\"max_tokens\":20,\"seed\":42,\"stop\":\".\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo(", there was a little boy named Timmy")
                .jsonPath("$.finish_reason")
                .isEqualTo("stop");
    }

    @Test
    void theOfficialOpenAiClientGetsTheSameTextFromV1ChatCompletions() {
        ChatCompletion completion = openAi().chat().completions().create(story().build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).contains(STORY_42);
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
        assertThat(completion.model()).isEqualTo("stories260K");
        assertThat(completion.usage())
                .hasValueSatisfying(
                        usage -> assertThat(usage.completionTokens()).isEqualTo(20));
        assertThat(openAi().models().list().data())
                .singleElement()
                .satisfies(model -> assertThat(model.id()).isEqualTo("stories260K"));
    }

    @Test
    void theOfficialOpenAiClientStreamsTokenByTokenAndGetsTheUsageLast() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletionCreateParams params = story().streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> stream =
                openAi().chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk ->
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        assertThat(text).hasToString(STORY_42);
        assertThat(chunks).hasSize(20 + 2);
        assertThat(chunks.get(20).choices().get(0).finishReason())
                .hasValueSatisfying(reason -> assertThat(reason.asString()).isEqualTo("length"));
        assertThat(chunks.get(21).usage())
                .hasValueSatisfying(usage -> assertThat(usage.totalTokens()).isEqualTo(24));
    }

    @Test
    void aClientThatDisconnectsStopsTheGenerationAndABusyModelAnswers429WithRetryAfter() throws Exception {
        long cancelledBefore = cancelled();
        BufferedReader stream = openStream(8000);
        assertThat(firstEvent(stream)).contains("chat.completion.chunk");

        client().post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"Once upon a time\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "3")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(
                        String.class,
                        detail -> assertThat(detail).contains("busy").contains("Retry later"));

        sockets.get(0).close();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(cancelled()).isEqualTo(cancelledBefore + 1);
            assertThat(active()).isZero();
        });
    }

    @Test
    void badInputAnswersProblemJsonThatSaysWhatToFix() {
        client().post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"Hi\",\"temperature\":7}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("temperature must be between 0 and 2; it was 7.0");
        client().post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"" + "a".repeat(32_001) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.detail")
                .value(
                        String.class,
                        detail ->
                                assertThat(detail).contains("32001 characters").contains("Shorten it"));
        client().post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("role 'tool' is not supported"));
    }

    @Test
    void statusNamesTheInProcessModel() {
        client().get()
                .uri("/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.generation.provider")
                .isEqualTo("embedded")
                .jsonPath("$.generation.model")
                .isEqualTo("stories260K")
                .jsonPath("$.generation.detail")
                .value(
                        String.class,
                        detail -> assertThat(detail).contains("GPT4_MODEL_PATH").contains("plain text"));
    }

    private BufferedReader openStream(int maxTokens) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Once upon a time\"}],"
                + "\"max_tokens\":" + maxTokens + ",\"stream\":true}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String firstEvent(BufferedReader reader) throws Exception {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("data:")) {
                return line;
            }
        }
        throw new AssertionError("The stream ended before its first event");
    }

    private long cancelled() {
        return statusNumber("$.generation.cancelled");
    }

    private long active() {
        return statusNumber("$.generation.active");
    }

    private long statusNumber(String path) {
        Number[] value = new Number[1];
        client().get().uri("/status").exchange().expectBody().jsonPath(path).value(Number.class, n -> value[0] = n);
        return value[0].longValue();
    }
}
