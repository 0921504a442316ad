package dev.runtimeservice.agent.gpt4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import dev.runtimeservice.agent.gpt4.remote.OpenAiCompatibleProvider;
import dev.runtimeservice.agent.gpt4.remote.OpenAiSettings;
import dev.runtimeservice.testsupport.AgentContract;
import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged gpt4 agents as real processes: an upstream one serving the in-process model behind
 * an API key, and a gateway one whose OpenAI-compatible provider is the upstream's {@code /v1},
 * configured through the launch's {@code openai} resource.
 */
class ProviderChainIT {

    private static final String UPSTREAM_KEY = "sk-upstream-7f3a9c";
    private static final String SHAREPOINT_TOKEN = "sp-token-41b2";

    @TempDir
    static Path dir;

    static PackagedAgent upstream;
    static PackagedAgent gateway;

    /** The packaged jar with the embedded model's native library unpacked in the agent's home. */
    private static PackagedAgent start(Path home, Map<String, String> environment) throws IOException {
        String jar = System.getProperty("gpt4.jar");
        if (jar == null) {
            throw new IllegalStateException("System property gpt4.jar must name the packaged jar; run the *IT tests "
                    + "through Maven's verify phase");
        }
        return PackagedAgent.of("gpt4", Path.of(jar))
                .descriptor(Path.of("agent.yml").toAbsolutePath())
                .home(home)
                .jvmArgs(List.of("-Dde.kherud.llama.tmpdir=" + home))
                .environment(environment)
                .start();
    }

    @BeforeAll
    static void startBothAgents() throws Exception {
        upstream = start(
                dir.resolve("upstream"),
                Map.of("GPT4_MODEL_PATH", TestModel.path().toString(), "GPT4_SERVER_API_KEY", UPSTREAM_KEY));
        Path resources = dir.resolve("gateway-resources.json");
        Files.writeString(
                resources,
                ("{\"id\":\"it\",\"name\":\"gpt4\",\"resources\":{"
                                + "\"openai\":{\"base_url\":\"%s/v1\",\"api_key\":\"%s\",\"model\":\"stories260K\"},"
                                + "\"sharepoint\":{\"url\":\"https://contoso.sharepoint.com\",\"token\":\"%s\"}}}")
                        .formatted(upstream.url(), UPSTREAM_KEY, SHAREPOINT_TOKEN));
        gateway = start(dir.resolve("gateway"), Map.of("AGENT_RESOURCES_FILE", resources.toString()));
        upstream.awaitReady(Duration.ofSeconds(150));
        gateway.awaitReady(Duration.ofSeconds(150));
    }

    @AfterAll
    static void stopBothAgents() throws Exception {
        try {
            if (gateway != null) {
                AgentContract.assertShutsDown(gateway);
                gateway.close();
            }
        } finally {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    private static RestTestClient client(PackagedAgent agent) {
        return RestTestClient.bindToServer().baseUrl(agent.url()).build();
    }

    @Test
    void bothServeTheAgentContract() {
        AgentContract.assertServes(gateway, "gpt4");
        AgentContract.assertServes(upstream, "gpt4");
    }

    @Test
    void theGatewayGeneratesExactlyWhatTheUpstreamModelWrites() {
        client(gateway)
                .post()
                .uri("/generate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"prompt\":\"Once upon a time\",\"max_tokens\":20,\"seed\":42}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo(EmbeddedGenerationTests.STORY_42)
                .jsonPath("$.model")
                .isEqualTo("stories260K")
                .jsonPath("$.finish_reason")
                .isEqualTo("length")
                .jsonPath("$.usage.prompt_tokens")
                .isEqualTo(4);
    }

    @Test
    void theOfficialOpenAiClientStreamsThroughTheGateway() {
        OpenAIClient openAi = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.url() + "/v1")
                .apiKey("unused")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Once upon a time")
                .maxCompletionTokens(20)
                .seed(42)
                .build();
        StringBuilder text = new StringBuilder();
        int[] chunks = {0};
        try (StreamResponse<ChatCompletionChunk> stream =
                openAi.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks[0]++;
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
            });
        }

        assertThat(text).hasToString(EmbeddedGenerationTests.STORY_42);
        assertThat(chunks[0]).isGreaterThan(10);
    }

    @Test
    void theUpstreamRefusesCallersWithoutItsKey() {
        client(upstream)
                .post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(
                        String.class,
                        detail -> assertThat(detail)
                                .contains("GPT4_SERVER_API_KEY")
                                .doesNotContain(UPSTREAM_KEY));
    }

    @Test
    void aWrongKeyForTheUpstreamBecomesAnAnswerAboutTheKeyThatNeverQuotesIt() {
        OpenAiSettings settings = new OpenAiSettings(
                upstream.url() + "/v1",
                "sk-wrong-key-99",
                "stories260K",
                "Authorization",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                3,
                Duration.ofMillis(10),
                Duration.ofMillis(100));
        OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(
                settings, "this test", JsonMapper.builder().build());
        GenerationRequest request =
                new GenerationRequest(List.of(ChatMessage.user("Hi")), 5, null, null, 1L, List.of());

        GenerationException error =
                catchThrowableOfType(GenerationException.class, () -> provider.generate(request, TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getMessage())
                .contains("refused the API key (HTTP 401)")
                .doesNotContain("sk-wrong-key-99");
    }

    @Test
    void theGatewaysStatusNamesItsProviderAndResourcesButNeverASecret() throws Exception {
        byte[] status = client(gateway)
                .get()
                .uri("/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.generation.provider")
                .isEqualTo("openai-compatible")
                .jsonPath("$.generation.model")
                .isEqualTo("stories260K")
                .jsonPath("$.resources[?(@.name == 'openai')].used")
                .isEqualTo(List.of(true))
                .jsonPath("$.resources[?(@.name == 'sharepoint')].used")
                .isEqualTo(List.of(false))
                .returnResult()
                .getResponseBodyContent();
        String body = new String(status, StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(UPSTREAM_KEY, SHAREPOINT_TOKEN);
        assertThat(gateway.log()).doesNotContain(UPSTREAM_KEY, SHAREPOINT_TOKEN);
        assertThat(upstream.log()).doesNotContain(UPSTREAM_KEY);
    }

    @Test
    void aClientLeavingTheGatewaysStreamStopsTheUpstreamGeneration() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Once upon a time\"}],"
                    + "\"max_tokens\":2000,\"stream\":true}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            while (line != null && !line.startsWith("data:")) {
                line = reader.readLine();
            }
            assertThat(line).contains("chat.completion.chunk");
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> client(upstream)
                        .get()
                        .uri("/status")
                        .exchange()
                        .expectBody()
                        .jsonPath("$.generation.cancelled")
                        .isEqualTo(1)
                        .jsonPath("$.generation.active")
                        .isEqualTo(0));
    }
}
