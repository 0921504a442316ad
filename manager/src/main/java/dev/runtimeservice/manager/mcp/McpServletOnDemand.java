package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The servlet at {@code /mcp}, which makes the MCP server at its first request and hands every request to the SDK's
 * servlet (issue 23: the manager's idle memory). The server, its tools and the SDK with Reactor and the JSON schema
 * validator are about 650 classes, and keeping the agents' skills listed reads each running agent's card with the A2A
 * client (protobuf, Gson: about 600 more); a manager that no MCP client uses loads none of it, and the class archive
 * the build records holds none of it either. The beans of this package are lazy for that reason.
 */
final class McpServletOnDemand extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ObjectProvider<McpSyncServer> server;
    private final transient ObjectProvider<McpTransport> transport;
    private final transient ObjectProvider<AgentSkillTools> skillTools;
    private transient volatile @Nullable HttpServlet sdk;

    McpServletOnDemand(
            ObjectProvider<McpSyncServer> server,
            ObjectProvider<McpTransport> transport,
            ObjectProvider<AgentSkillTools> skillTools) {
        this.server = server;
        this.transport = transport;
        this.skillTools = skillTools;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        sdk().service(request, response);
    }

    private HttpServlet sdk() throws ServletException {
        HttpServlet made = sdk;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (sdk == null) {
                // The server is built on the transport and attaches the agents' tools to it.
                server.getObject();
                HttpServlet servlet = transport.getObject().servlet();
                servlet.init(getServletConfig());
                // The running agents' skills are listed from this first request on, not from a refresh later.
                skillTools.getObject().refresh();
                sdk = servlet;
            }
            return sdk;
        }
    }

    @Override
    public void destroy() {
        HttpServlet made = sdk;
        if (made != null) {
            made.destroy();
        }
    }
}
