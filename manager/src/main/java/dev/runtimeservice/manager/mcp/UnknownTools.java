package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The answer to a call of a tool that does not exist: a tool error that tells the client's model what to do, which
 * it can act on, where MCP's protocol error for an unknown tool would only end the turn. For {@code <agent>.<skill>}
 * of an agent in the catalog that is not running: launch it; otherwise: list the tools.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class UnknownTools {

    private static final int LONGEST_NAME_SHOWN = 120;

    private final AgentCatalog catalog;
    private final AgentManager manager;

    UnknownTools(AgentCatalog catalog, AgentManager manager) {
        this.catalog = catalog;
        this.manager = manager;
    }

    CallToolResult result(String name) {
        String shown = name.length() > LONGEST_NAME_SHOWN ? name.substring(0, LONGEST_NAME_SHOWN) + "..." : name;
        int dot = name.indexOf('.');
        String agent = dot > 0 ? name.substring(0, dot) : "";
        if (!agent.isEmpty() && catalog.names().contains(agent)) {
            if (!running(agent)) {
                return notRunning(agent, shown);
            }
            return ToolResults.error("Agent " + agent + " runs but has no tool named " + shown + ". List the tools "
                    + "(tools/list): its skills are the ones named " + agent + ".<skill>.");
        }
        return ToolResults.error("There is no tool named " + shown + ". List the tools (tools/list) to see the "
                + "ones there are: launch_agents, list_agents, stop_agent, agent_logs and instruct, and "
                + "<agent>.<skill> for every skill of a running agent; list_agents shows the agents, and "
                + "launch_agents starts one, whose tools then appear.");
    }

    /** The error for a tool of an agent that is not running: launch it, then call the tool again. */
    static CallToolResult notRunning(String agent, String tool) {
        return ToolResults.error("Agent " + agent + " is not running, so " + tool + " cannot be called. Launch it "
                + "with the launch_agents tool ({\"agents\": [\"" + agent + "\"]}); its skills then appear as tools "
                + "named " + agent + ".<skill>, and " + tool + " can be called again if it is one of them.");
    }

    private boolean running(String agent) {
        return manager.list().stream().anyMatch(a -> a.name().equals(agent) && a.state() == AgentState.RUNNING);
    }
}
