package dev.runtimeservice.agent.gpt4.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.FinishReason;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's retries and error mapping over real HTTP on loopback. The server here stands in
 * for a paid cloud API's failures (rate limits, outages, a rejected key), which cannot be provoked
 * here; the happy path against a real server is tested in {@code ProviderChainIT}.
 */
class OpenAiCompatibleProviderTests {

    private static final String KEY = "sk-test-0123456789";
    private static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-x-2025\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}";

    private HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    record Reply(int status, String contentType, String body, String retryAfter) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply = replies.size() > 1 ? replies.poll() : replies.peek();
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        if (!reply.retryAfter().isEmpty()) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void reply(int status, String body) {
        replies.add(new Reply(status, "application/json", body, ""));
    }

    private OpenAiCompatibleProvider provider(String baseUrl) {
        OpenAiSettings settings = new OpenAiSettings(
                baseUrl,
                KEY,
                "gpt-x",
                "Authorization",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(10),
                Duration.ofMillis(50));
        return new OpenAiCompatibleProvider(
                settings, "a test", JsonMapper.builder().build());
    }

    private OpenAiCompatibleProvider provider() {
        return provider("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private static GenerationRequest hello() {
        return new GenerationRequest(List.of(ChatMessage.user("Hi")), 16, 0.5, null, 42L, List.of("\n"));
    }

    @Test
    void retriesAfter503And429ThenReturnsTheAnswerWithTheKeyAsABearerToken() {
        reply(503, "{\"error\":{\"message\":\"overloaded\"}}");
        replies.add(new Reply(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}", "0"));
        reply(200, ANSWER);

        GenerationResult result = provider().generate(hello(), TokenSink.IGNORE);

        assertThat(result)
                .isEqualTo(new GenerationResult(
                        "Hello there",
                        "gpt-x-2025",
                        FinishReason.STOP,
                        new dev.runtimeservice.agent.gpt4.generation.TokenUsage(7, 2)));
        assertThat(authorizations).hasSize(3).allMatch(("Bearer " + KEY)::equals);
        assertThat(bodies.get(0))
                .contains(
                        "\"model\":\"gpt-x\"",
                        "\"max_tokens\":16",
                        "\"seed\":42",
                        "\"stop\":[\"\\n\"]",
                        "\"stream\":false");
    }

    @Test
    void aRejectedKeyIsNotRetriedAndTheAnswerSpeaksOfTheKeyWithoutQuotingIt() {
        reply(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        GenerationException error =
                catchThrowableOfType(GenerationException.class, () -> provider().generate(hello(), TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getMessage())
                .contains("refused the API key (HTTP 401)", "GPT4_OPENAI_API_KEY")
                .doesNotContain(KEY, "sk-");
        assertThat(authorizations).hasSize(1);
    }

    @Test
    void aLastingOutageGivesUpAfterTheRetriesWith502() {
        reply(500, "{\"error\":{\"message\":\"boom\"}}");

        GenerationException error =
                catchThrowableOfType(GenerationException.class, () -> provider().generate(hello(), TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getMessage()).contains("failed (HTTP 500: boom)", "gave up after 3 attempts");
        assertThat(authorizations).hasSize(3);
    }

    @Test
    void aRateLimitThatLastsIsAnswered429WithTheProvidersRetryAfter() {
        replies.add(new Reply(429, "application/json", "{\"error\":{\"message\":\"quota\"}}", "0"));

        GenerationException error =
                catchThrowableOfType(GenerationException.class, () -> provider().generate(hello(), TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(error.retryAfter()).isEqualTo(Duration.ZERO);
        assertThat(authorizations).hasSize(3);
    }

    @Test
    void aRefusedRequestQuotesTheProviderWithTheKeyBlankedOut() {
        reply(400, "{\"error\":{\"message\":\"bad temperature for key " + KEY + "\"}}");

        GenerationException error =
                catchThrowableOfType(GenerationException.class, () -> provider().generate(hello(), TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error.getMessage()).contains("bad temperature for key ****").doesNotContain(KEY);
    }

    @Test
    void aServerThatIsNotThereIsRetriedThenNamedWithWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        GenerationException error = catchThrowableOfType(
                GenerationException.class,
                () -> provider("http://127.0.0.1:" + closedPort + "/v1").generate(hello(), TokenSink.IGNORE));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getMessage())
                .contains("Cannot reach the provider at http://127.0.0.1:" + closedPort, "gave up after 3 attempts");
    }

    @Test
    void aStreamedAnswerIsHandedOnPieceByPieceWithItsUsage() {
        String events =
                "data: {\"model\":\"gpt-x\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n"
                        + "data: {\"model\":\"gpt-x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\n"
                        + "data: {\"model\":\"gpt-x\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
                        + "data: {\"model\":\"gpt-x\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n"
                        + "data: [DONE]\n\n";
        replies.add(new Reply(200, "text/event-stream", events, ""));
        List<String> pieces = new ArrayList<>();

        GenerationResult result = provider().generate(hello(), pieces::add);

        assertThat(pieces).containsExactly("Hel", "lo");
        assertThat(result.text()).isEqualTo("Hello");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage().totalTokens()).isEqualTo(5);
        assertThat(bodies.get(0)).contains("\"stream\":true", "\"include_usage\":true");
    }

    @Test
    void backoffDoublesUpToItsCapAndHonoursRetryAfterWithinIt() {
        OpenAiSettings settings = new OpenAiSettings(
                "http://127.0.0.1:1/v1",
                null,
                "m",
                "Authorization",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(3));
        RetryingCaller caller = new RetryingCaller(
                java.net.http.HttpClient.newHttpClient(),
                settings,
                new ProviderErrors(
                        "http://127.0.0.1:1", null, JsonMapper.builder().build()));

        assertThat(caller.backoff(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(caller.backoff(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(caller.backoff(4, null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(caller.backoff(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(caller.backoff(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(3));
    }
}
