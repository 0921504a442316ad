package dev.runtimeservice.manager.security;

import dev.runtimeservice.manager.process.ProcessTreeStopper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code RUNTIME_API_KEY} set, refuses every request but health that does not carry the key, as
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}. Health stays open for probes, but shows its
 * details (the agents, their failures, the disk path) only to a caller with the key: such a request is marked as
 * authenticated, which is what {@code show-details: when-authorized} looks for. Without a key every caller is,
 * and health shows everything, as before keys existed. An agent this
 * manager runs may also read the agent list and follow its changes ({@code GET /api/list_agents} and
 * {@code GET /api/events}, what the orchestrator's discovery needs) with its own launch token as
 * {@code X-Agent-Token}, and nothing else, so it never needs the key. The web
 * console's static files are open too: they hold no data, and the page asks for the key itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    /** The header the manager sends an agent's launch token in (on /shutdown); agents send it back here. */
    static final String AGENT_TOKEN_HEADER = ProcessTreeStopper.TOKEN_HEADER;

    static final Set<String> AGENT_READABLE_PATHS = Set.of("/api/list_agents", "/api/events");
    private final SecurityProperties properties;
    private final LaunchTokens launchTokens;

    ApiKeyFilter(SecurityProperties properties, LaunchTokens launchTokens) {
        this.properties = properties;
        this.launchTokens = launchTokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        @Nullable String presented = presentedKey(request);
        boolean keyHolder = !properties.apiKeyRequired() || matches(presented);
        if (isHealth(request)) {
            chain.doFilter(keyHolder ? KeyHolder.of(request) : request, response);
            return;
        }
        if (keyHolder || isAgentReadingWhatRuns(request) || isConsolePage(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        // A wrong key is told apart from none: "send it" misled a caller who did, with the wrong value. That a key
        // was wrong tells nothing about the right one.
        String detail = presented == null
                ? "This manager requires its API key (RUNTIME_API_KEY): send it as the header 'X-API-Key: <key>' "
                        + "or 'Authorization: Bearer <key>'."
                : "The API key sent is not this manager's: send the value of its RUNTIME_API_KEY as the header "
                        + "'X-API-Key: <key>' or 'Authorization: Bearer <key>'.";
        if (request.getHeader(AGENT_TOKEN_HEADER) != null) {
            detail += " An agent's launch token (" + AGENT_TOKEN_HEADER + ") is accepted only on GET "
                    + "/api/list_agents and GET /api/events, and only while that agent runs.";
        }
        Problems.write(response, 401, "Unauthorized", detail, request.getRequestURI());
    }

    private static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    /**
     * The web console's static page, scripts and styles, which hold no data: the page itself asks for the key and
     * sends it on every API call it makes.
     */
    private static boolean isConsolePage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && (path.equals("/") || path.equals("/index.html") || path.startsWith("/console/"));
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return header;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private boolean isAgentReadingWhatRuns(HttpServletRequest request) {
        String token = request.getHeader(AGENT_TOKEN_HEADER);
        return token != null
                && "GET".equals(request.getMethod())
                && AGENT_READABLE_PATHS.contains(request.getRequestURI())
                && launchTokens.isLiveAgentToken(token);
    }

    private boolean matches(@Nullable String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        properties.apiKey().getBytes(StandardCharsets.UTF_8));
    }
}
