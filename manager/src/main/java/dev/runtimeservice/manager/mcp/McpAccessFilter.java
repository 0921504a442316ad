package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps {@code /mcp} to this machine unless {@code MCP_ALLOW_REMOTE} is true: MCP hands out every agent's tools,
 * so a caller from another machine is refused even where the manager listens on every interface. The API key
 * ({@code RUNTIME_API_KEY}, as a bearer token) and the Host and Origin checks apply besides, as on every path.
 */
class McpAccessFilter extends OncePerRequestFilter {

    private final McpProperties properties;

    McpAccessFilter(McpProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.allowRemote() || isLoopback(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(
                response,
                403,
                "Forbidden",
                "/mcp answers only callers on this machine; set MCP_ALLOW_REMOTE=true (and RUNTIME_API_KEY) to "
                        + "open it to others, or use the stdio bridge on this machine.",
                request.getRequestURI());
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address from the connection, never a name, so this does not resolve anything.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
