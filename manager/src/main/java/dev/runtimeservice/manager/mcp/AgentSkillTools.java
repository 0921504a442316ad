package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.scheduling.DaemonScheduler;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the MCP server's agent tools in step with the running agents: when an agent is seen RUNNING with a new
 * launch, its skills are read and registered as tools; when it stops they leave the list. Each change tells the
 * connected clients once ({@code notifications/tools/list_changed}), however many tools it adds or takes away. A
 * stopped agent's tools stay registered, out of the list: a client that calls one learns that the agent stopped and
 * how to launch it (a name that never was a tool gets a like answer from {@link UnknownTools}). Runs every
 * {@code runtime.mcp.refresh-interval}, and at once after every launch and stop made through MCP.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class AgentSkillTools implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentSkillTools.class);

    private final AgentManager manager;
    private final SkillReader reader;
    private final SkillCalls calls;
    private final McpProperties properties;
    private final ToolCalls toolCalls;
    /** The launch id whose tools are listed, by agent; an agent absent here has no listed tools. */
    private final Map<String, String> listed = new ConcurrentHashMap<>();
    /** Every skill tool ever registered, by tool name. */
    private final Map<String, SkillTool> known = new ConcurrentHashMap<>();

    private final ScheduledExecutorService refresher = DaemonScheduler.named("mcp-agent-tools");
    private @Nullable McpSyncServer server;
    private @Nullable ServerTransportHooks hooks;

    AgentSkillTools(
            AgentManager manager, SkillReader reader, SkillCalls calls, McpProperties properties, ToolCalls toolCalls) {
        this.manager = manager;
        this.reader = reader;
        this.calls = calls;
        this.properties = properties;
        this.toolCalls = toolCalls;
    }

    /** Starts keeping {@code server}'s tools in step; {@code hooks} is the transport it was built on. */
    void attach(McpSyncServer server, ServerTransportHooks hooks) {
        this.server = server;
        this.hooks = hooks;
        long every = properties.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Whether a tool is listed now: the runtime's own tools always are, an agent's while it runs. */
    boolean listed(Tool tool) {
        SkillTool skill = known.get(tool.name());
        return skill == null || listed.containsKey(skill.agent());
    }

    /** Compares the listed tools with the running agents and changes what differs; clients are told once. */
    synchronized void refresh() {
        McpSyncServer mcp = server;
        ServerTransportHooks transport = hooks;
        if (mcp == null || transport == null) {
            return;
        }
        transport.oneToolListChangeFor(() -> {
            if (changeTools(mcp)) {
                mcp.notifyToolsListChanged();
            }
        });
    }

    private boolean changeTools(McpSyncServer mcp) {
        Map<String, ManagedAgent> running = new java.util.HashMap<>();
        manager.list().stream()
                .filter(agent -> agent.state() == AgentState.RUNNING)
                .forEach(agent -> running.put(agent.name(), agent));
        boolean changed = listed.keySet()
                .removeIf(name ->
                        !running.containsKey(name) || !running.get(name).id().equals(listed.get(name)));
        for (ManagedAgent agent : running.values()) {
            if (!agent.id().equals(listed.get(agent.name()))) {
                changed |= register(mcp, agent);
            }
        }
        return changed;
    }

    private boolean register(McpSyncServer mcp, ManagedAgent agent) {
        List<SkillTool> tools;
        try {
            tools = reader.read(agent.name(), agent.url());
        } catch (IOException | RuntimeException e) {
            log.debug("The skills of agent {} could not be read yet: {}", agent.name(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        // Skills this agent no longer has (it was updated between launches) leave the server, not just the list.
        List<String> gone = known.values().stream()
                .filter(tool -> tool.agent().equals(agent.name()) && !tools.contains(tool))
                .map(SkillTool::name)
                .toList();
        gone.forEach(name -> {
            known.remove(name);
            mcp.removeTool(name);
        });
        int refused = 0;
        for (SkillTool tool : tools) {
            if (tools.contains(known.get(tool.name()))) {
                continue; // the same tool as before this agent's restart: registered already
            }
            try {
                mcp.addTool(specification(tool));
            } catch (RuntimeException e) {
                // The SDK refuses a schema that is not a valid JSON schema; the agent's other skills stay listed.
                log.warn("MCP does not list {} of agent {}: {}", tool.name(), agent.name(), e.getMessage());
                refused++;
                continue;
            }
            known.put(tool.name(), tool);
        }
        listed.put(agent.name(), agent.id());
        log.info("MCP lists {} tools of agent {}", tools.size() - refused, agent.name());
        return true;
    }

    private SyncToolSpecification specification(SkillTool skill) {
        Tool.Builder tool = Tool.builder()
                .name(skill.name())
                .title(skill.agent() + ": " + skill.skill())
                .description(skill.description())
                .inputSchema(skill.inputSchema());
        if (skill.outputSchema() != null) {
            // Declared, the SDK checks each answer's structured content against it and answers a mismatch as a tool
            // error: what a client is told to expect is what it gets.
            tool.outputSchema(skill.outputSchema());
        }
        return SyncToolSpecification.builder()
                .tool(tool.build())
                .callHandler((exchange, request) ->
                        call(skill.name(), ToolArguments.of(request.arguments()), toolCalls.cancellation(exchange)))
                .build();
    }

    private CallToolResult call(String name, Map<String, Object> arguments, CompletableFuture<Void> cancelled) {
        SkillTool skill = known.get(name);
        Optional<ManagedAgent> agent = skill == null
                ? Optional.empty()
                : manager.list().stream()
                        .filter(a -> a.name().equals(skill.agent()) && a.state() == AgentState.RUNNING)
                        .findFirst();
        if (skill == null || agent.isEmpty()) {
            return UnknownTools.notRunning(skill == null ? name : skill.agent(), name);
        }
        return calls.call(skill, agent.get().url(), arguments, cancelled);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("The MCP agent tools could not be refreshed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
