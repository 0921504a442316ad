package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What happens around every {@code tools/call}: a name that is no tool becomes a tool result with {@code isError}
 * that says what to do ({@link UnknownTools}), not the SDK's JSON-RPC error; and a call the client cancels
 * ({@code notifications/cancelled} with the call's request id) is told so through {@link #cancellation}, and gets no
 * answer, as the MCP specification asks of a cancelled request.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class ToolCalls {

    /** The transport context's key for the JSON-RPC id of the request being handled ({@link McpRequestIdFilter}). */
    static final String REQUEST_ID = "runtime.mcp.request-id";

    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

    private final UnknownTools unknownTools;
    /** The calls being handled, by session and request id: each one's signal, completed when it is cancelled. */
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    ToolCalls(UnknownTools unknownTools) {
        this.unknownTools = unknownTools;
    }

    /** The SDK's {@code tools/call} handler, with an unknown tool as a tool error and with cancellation. */
    McpRequestHandler<CallToolResult> around(McpRequestHandler<?> sdk) {
        return (exchange, params) -> {
            String key = key(exchange.sessionId(), exchange.transportContext());
            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            if (key != null) {
                running.put(key, cancelled);
            }
            return Mono.defer(() -> result(sdk, exchange, params))
                    .onErrorResume(
                            McpError.class,
                            error -> isUnknownTool(error)
                                    ? Mono.just(unknownTools.result(name(params)))
                                    : Mono.error(error))
                    .filter(result -> !cancelled.isDone())
                    .doFinally(signal -> {
                        if (key != null) {
                            running.remove(key, cancelled);
                        }
                    });
        };
    }

    /** Handles {@code notifications/cancelled}: the call it names, if still running in that session, is told. */
    Mono<Void> cancelled(McpAsyncServerExchange exchange, @Nullable Object params) {
        if (params instanceof Map<?, ?> notification && notification.get("requestId") != null) {
            CompletableFuture<Void> call = running.get(exchange.sessionId() + " " + notification.get("requestId"));
            if (call != null) {
                log.info(
                        "MCP client cancelled tool call {}: {}",
                        oneLine(notification.get("requestId")),
                        oneLine(notification.get("reason")));
                call.complete(null);
            }
        }
        return Mono.empty();
    }

    /** A client's text as one short log line: no line breaks or other control characters that could forge lines. */
    private static String oneLine(@Nullable Object text) {
        String line = String.valueOf(text).replaceAll("\\p{Cntrl}", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /**
     * Completes when the client cancels the tool call being handled on {@code exchange}; never, for a call whose
     * request id is unknown.
     */
    CompletableFuture<Void> cancellation(McpSyncServerExchange exchange) {
        String key = key(exchange.sessionId(), exchange.transportContext());
        CompletableFuture<Void> call = key == null ? null : running.get(key);
        return call == null ? new CompletableFuture<>() : call;
    }

    @SuppressWarnings("unchecked")
    private static Mono<CallToolResult> result(
            McpRequestHandler<?> sdk, McpAsyncServerExchange exchange, @Nullable Object params) {
        return (Mono<CallToolResult>) sdk.handle(exchange, params);
    }

    // The SDK's tools/call answers -32602 (invalid params) for one thing only: a name it has no tool for. Arguments
    // its input schema refuses are a tool result already.
    private static boolean isUnknownTool(McpError error) {
        return error.getJsonRpcError() != null && error.getJsonRpcError().code() == McpSchema.ErrorCodes.INVALID_PARAMS;
    }

    private static String name(@Nullable Object params) {
        return params instanceof Map<?, ?> call && call.get("name") instanceof String name ? name : "";
    }

    private static @Nullable String key(@Nullable String sessionId, @Nullable McpTransportContext context) {
        Object requestId = context == null ? null : context.get(REQUEST_ID);
        return sessionId == null || requestId == null ? null : sessionId + " " + requestId;
    }
}
