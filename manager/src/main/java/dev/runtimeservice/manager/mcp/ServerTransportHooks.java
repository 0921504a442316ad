package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.DefaultMcpStreamableServerSessionFactory;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The servlet transport as the SDK's server sees it, with what MCP Java SDK 2.2.0 offers no hook for.
 *
 * <ul>
 *   <li>Its {@code tools/call} handler answers a tool name it does not know with JSON-RPC error -32602, and it has
 *       no handler for {@code notifications/cancelled}. Both live in the maps of request and notification handlers
 *       that {@code McpAsyncServer} builds and hands to the session factory ({@link
 *       DefaultMcpStreamableServerSessionFactory}), which shares them with every session; the builder takes no
 *       handler of one's own. When the server gives this transport its factory, the handler of {@code tools/call} is
 *       wrapped ({@link ToolCalls#around}) and one for {@code notifications/cancelled} added. The maps are the
 *       factory's package-private fields, read by reflection: checked at start-up, so an SDK that changed them stops
 *       the manager with a message instead of losing the two behaviours quietly.
 *   <li>{@code addTool} and {@code removeTool} each tell every client that the tool list changed. Within {@link
 *       #oneToolListChangeFor}, those notifications are held back and one is sent at the end, if any was asked for.
 * </ul>
 */
final class ServerTransportHooks implements McpStreamableServerTransportProvider {

    static final String CANCELLED = "notifications/cancelled";

    private final HttpServletStreamableServerTransportProvider servlet;
    private final ToolCalls toolCalls;
    /** Set on the thread that makes a batch of tool changes: whether a list change was held back. */
    private final ThreadLocal<boolean @Nullable []> heldBack = new ThreadLocal<>();

    ServerTransportHooks(HttpServletStreamableServerTransportProvider servlet, ToolCalls toolCalls) {
        this.servlet = servlet;
        this.toolCalls = toolCalls;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        if (!(factory instanceof DefaultMcpStreamableServerSessionFactory sdk)) {
            throw new IllegalStateException("The MCP Java SDK made its sessions with "
                    + factory.getClass().getName()
                    + ", not the DefaultMcpStreamableServerSessionFactory (SDK 2.2.0) whose handlers the manager "
                    + "extends (ServerTransportHooks): check the SDK's version.");
        }
        Map<String, McpRequestHandler<?>> requests = handlers(sdk, "requestHandlers");
        McpRequestHandler<?> call = requests.get(McpSchema.METHOD_TOOLS_CALL);
        if (call == null) {
            throw new IllegalStateException("The MCP server has no tools/call handler: are tools enabled?");
        }
        requests.put(McpSchema.METHOD_TOOLS_CALL, toolCalls.around(call));
        Map<String, McpNotificationHandler> notifications = handlers(sdk, "notificationHandlers");
        notifications.put(CANCELLED, toolCalls::cancelled);
        servlet.setSessionFactory(factory);
    }

    /** Runs {@code changes} to the tool list and tells the clients once, if they changed anything. */
    void oneToolListChangeFor(Runnable changes) {
        boolean[] changed = {false};
        heldBack.set(changed);
        try {
            changes.run();
        } finally {
            heldBack.remove();
        }
        if (changed[0]) {
            servlet.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
                    .block();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, @Nullable Object params) {
        boolean[] changed = heldBack.get();
        if (changed != null && McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED.equals(method)) {
            changed[0] = true;
            return Mono.empty();
        }
        return servlet.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, @Nullable Object params) {
        return servlet.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return servlet.closeGracefully();
    }

    @Override
    public void close() {
        servlet.close();
    }

    @Override
    public List<String> protocolVersions() {
        return servlet.protocolVersions();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> handlers(DefaultMcpStreamableServerSessionFactory sdk, String name) {
        try {
            Field field = DefaultMcpStreamableServerSessionFactory.class.getDeclaredField(name);
            field.setAccessible(true);
            return (Map<String, T>) field.get(sdk);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "The MCP Java SDK's session factory has no field " + name + " the "
                            + "manager can extend (ServerTransportHooks, written for SDK 2.2.0): " + e,
                    e);
        }
    }
}
