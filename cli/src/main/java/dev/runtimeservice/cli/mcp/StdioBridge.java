package dev.runtimeservice.cli.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays MCP between stdio (one JSON-RPC message per line, as MCP's stdio transport frames them) and the manager's
 * {@code /mcp} (Streamable HTTP, through the MCP Java SDK's client transport, which keeps the session, the
 * protocol version header and the server's event stream). Each message goes through as it is: the bridge speaks no
 * MCP of its own, so every tool, resource, prompt and notification of the manager reaches the desktop client.
 */
public final class StdioBridge {

    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(30);

    private final McpJsonMapper json =
            new JacksonMcpJsonMapper(JsonMapper.builder().build());
    private final McpClientTransport manager;
    private final PrintStream out;
    private final PrintWriter err;
    /** The requests sent whose answers have not begun to arrive. */
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * A bridge to the manager at {@code managerUrl}.
     *
     * @param managerUrl the manager's base URL
     * @param apiKey its API key, sent as a bearer token, or {@code null}
     * @param out where the manager's messages are written, one per line (standard output)
     * @param err where the bridge reports what went wrong (standard error; never standard output)
     */
    public StdioBridge(String managerUrl, @Nullable String apiKey, PrintStream out, PrintWriter err) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        if (apiKey != null && !apiKey.isBlank()) {
            requests.header("Authorization", "Bearer " + apiKey);
        }
        this.manager = HttpClientStreamableHttpTransport.builder(
                        URI.create(managerUrl).toString())
                .endpoint("/mcp")
                .requestBuilder(requests)
                .connectTimeout(Duration.ofSeconds(5))
                .jsonMapper(json)
                .build();
        this.out = out;
        this.err = err;
    }

    /** Relays until {@code in} ends (the desktop client closed the bridge); answers the exit code. */
    public int relay(InputStream in) throws IOException {
        manager.connect(messages -> messages.doOnNext(this::write).then(Mono.empty()))
                .block();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    send(line);
                }
            }
        } finally {
            finishInFlight();
            manager.closeGracefully().block(Duration.ofSeconds(5));
        }
        return 0;
    }

    private void send(String line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            err.println("runtime mcp: skipped a line that is not a JSON-RPC message: " + e.getMessage());
            err.flush();
            return;
        }
        Mono<Void> sent = manager.sendMessage(message)
                .doOnError(e -> {
                    err.println("runtime mcp: the manager did not take a message: " + e.getMessage());
                    err.flush();
                    answerWithError(message, e);
                })
                .onErrorComplete();
        if (message instanceof McpSchema.JSONRPCRequest request
                && !McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            // The SDK's transport completes a request's send only when its answer begins to arrive. Waiting for that
            // here held back every later line until then: a client's calls ran one at a time, and its
            // notifications/cancelled for a running call reached the manager only after the call had ended.
            CompletableFuture<Void> pending = sent.toFuture();
            inFlight.add(pending);
            pending.whenComplete((done, error) -> inFlight.remove(pending));
        } else {
            // initialize sets up the session every later message needs; notifications and answers are taken at once.
            sent.block();
        }
    }

    /** Lets the requests still in flight when the client closed the bridge get their answers, for a while. */
    private void finishInFlight() {
        try {
            CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
                    .get(IN_FLIGHT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println("runtime mcp: closing with requests still unanswered: " + e.getMessage());
            err.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request the manager could not be sent still gets an answer, so that the client does not wait for ever. */
    private void answerWithError(McpSchema.JSONRPCMessage message, Throwable error) {
        if (message instanceof McpSchema.JSONRPCRequest request) {
            write(new McpSchema.JSONRPCResponse(
                    McpSchema.JSONRPC_VERSION,
                    request.id(),
                    null,
                    new McpSchema.JSONRPCResponse.JSONRPCError(
                            McpSchema.ErrorCodes.INTERNAL_ERROR,
                            "The manager's /mcp could not be reached: " + error.getMessage()
                                    + ". Start the manager, or set RUNTIME_URL (and RUNTIME_API_KEY).",
                            null)));
        }
    }

    private synchronized void write(McpSchema.JSONRPCMessage message) {
        try {
            out.println(json.writeValueAsString(message));
            out.flush();
        } catch (IOException e) {
            err.println("runtime mcp: a message could not be written: " + e.getMessage());
            err.flush();
        }
    }
}
