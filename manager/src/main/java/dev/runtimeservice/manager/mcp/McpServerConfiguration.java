package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;

/**
 * The MCP server at {@code /mcp}: the official MCP Java SDK's Streamable HTTP servlet, with the runtime tools, the
 * orchestrator's tool and prompt, the agents' resources and, kept in step with the running agents, their skills. Only
 * the servlet and its filters are made at boot; the server and the beans of this package at the first request.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String PATH = "/mcp";

    @Bean
    @Lazy
    McpTransport mcpTransport() {
        return new McpTransport(HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJson.MAPPER)
                .mcpEndpoint(PATH)
                .keepAliveInterval(Duration.ofSeconds(30))
                // The id of a tools/call, which McpRequestIdFilter read, so that its handler can be cancelled by it.
                .contextExtractor(request -> request.getAttribute(McpRequestIdFilter.ATTRIBUTE) instanceof String id
                        ? McpTransportContext.create(Map.of(ToolCalls.REQUEST_ID, id))
                        : McpTransportContext.EMPTY)
                .build());
    }

    /** Registered at boot; the server behind it is made at the first request (see {@link McpServletOnDemand}). */
    @Bean
    ServletRegistrationBean<McpServletOnDemand> mcpServlet(
            ObjectProvider<McpSyncServer> server,
            ObjectProvider<McpTransport> transport,
            ObjectProvider<AgentSkillTools> skillTools) {
        ServletRegistrationBean<McpServletOnDemand> servlet =
                new ServletRegistrationBean<>(new McpServletOnDemand(server, transport, skillTools), PATH);
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        return servlet;
    }

    @Bean
    FilterRegistrationBean<McpAccessFilter> mcpAccessFilter(McpProperties properties) {
        FilterRegistrationBean<McpAccessFilter> filter = new FilterRegistrationBean<>(new McpAccessFilter(properties));
        filter.addUrlPatterns(PATH);
        filter.setAsyncSupported(true);
        return filter;
    }

    @Bean
    FilterRegistrationBean<McpRequestIdFilter> mcpRequestIdFilter() {
        FilterRegistrationBean<McpRequestIdFilter> filter = new FilterRegistrationBean<>(new McpRequestIdFilter());
        filter.addUrlPatterns(PATH);
        filter.setAsyncSupported(true);
        // Last, after the security filters: the body is read only for a caller let through, of a checked size.
        filter.setOrder(Ordered.LOWEST_PRECEDENCE);
        return filter;
    }

    @Bean(destroyMethod = "close")
    @Lazy
    McpSyncServer mcpServer(
            McpTransport transport,
            RuntimeTools runtimeTools,
            OrchestratorTools orchestrator,
            AgentResources resources,
            AgentSkillTools skillTools,
            ToolCalls toolCalls,
            ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        ServerTransportHooks hooks = new ServerTransportHooks(transport.servlet(), toolCalls);
        McpSyncServer server = McpServer.sync(hooks)
                .serverInfo("runtime-service", info == null ? "dev" : info.getVersion())
                .instructions("Launch, list and stop agents, read their logs, and call every running agent's skills "
                        + "as tools named <agent>.<skill>; the list changes as agents start and stop.")
                .capabilities(ServerCapabilities.builder()
                        .tools(true)
                        .resources(false, true)
                        .prompts(true)
                        .build())
                .jsonMapper(McpJson.MAPPER)
                // Handlers run on the request's own thread, which the SDK's servlet blocks on anyway until the
                // answer is written. By default the SDK hands each one to Reactor's boundedElastic pool
                // (Mono.fromCallable(..).subscribeOn(..)); when a handler throws McpError at once (a card or prompt
                // that cannot be read), the pool thread writes the error answer while the request thread is still
                // in subscribeOn's setMainFuture, which then disposes the running task and interrupts the pool
                // thread (reactor-core 3.8.6, FluxSubscribeOnCallable). Tomcat's NIO channel refuses to write from
                // an interrupted thread ("The current thread was interrupted") and drops the connection after the
                // SSE headers: the client saw a cut chunked body instead of the JSON-RPC error (MCP Java SDK 2.2.0).
                .immediateExecution(true)
                .validateToolInputs(true)
                .tools(runtimeTools.all())
                .tools(orchestrator.instruct())
                .resourceTemplates(resources.templates())
                .prompts(orchestrator.prompt())
                .addToolFilter((context, tool) -> skillTools.listed(tool))
                .build();
        skillTools.attach(server, hooks);
        return server;
    }
}
