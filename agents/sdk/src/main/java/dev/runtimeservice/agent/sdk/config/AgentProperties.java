package dev.runtimeservice.agent.sdk.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Immutable configuration of an agent, bound from the {@code agent.*} properties.
 *
 * <p>The manager configures an agent through environment variables when it launches it. This is
 * the one place that lists them:
 *
 * <table>
 *   <caption>Environment variables read by every agent</caption>
 *   <tr><th>Variable</th><th>Property</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code AGENT_NAME}</td><td>{@code agent.name}</td><td>{@code spring.application.name}</td>
 *       <td>name of the agent, as the manager knows it</td></tr>
 *   <tr><td>{@code AGENT_PORT}</td><td>{@code server.port}</td><td>{@code 8080}</td>
 *       <td>HTTP port</td></tr>
 *   <tr><td>{@code AGENT_BIND_ADDRESS}</td><td>{@code server.address}</td><td>{@code 127.0.0.1}</td>
 *       <td>address the HTTP server binds to</td></tr>
 *   <tr><td>{@code AGENT_HOME}</td><td>{@code agent.home}</td><td>current directory</td>
 *       <td>the agent's home folder (its data lives below it)</td></tr>
 *   <tr><td>{@code AGENT_RESOURCES_FILE}</td><td>{@code agent.resources-file}</td><td>none</td>
 *       <td>JSON file with the resources handed to the agent; may be absent or not exist</td></tr>
 *   <tr><td>{@code MANAGER_URL}</td><td>{@code agent.manager-url}</td>
 *       <td>{@code http://127.0.0.1:8000}</td><td>base URL of the manager</td></tr>
 *   <tr><td>{@code AGENT_TOKEN}</td><td>{@code agent.token}</td><td>none</td>
 *       <td>per-launch secret shared with the manager</td></tr>
 *   <tr><td>{@code AGENT_SHUTDOWN_REQUIRES_TOKEN}</td><td>{@code agent.shutdown-requires-token}</td>
 *       <td>{@code false}</td><td>whether {@code GET /shutdown} needs header
 *       {@code X-Agent-Token}</td></tr>
 *   <tr><td>{@code LOG_LEVEL}</td><td>{@code logging.level.root}</td><td>{@code INFO}</td>
 *       <td>root log level</td></tr>
 * </table>
 *
 * <p>Port, bind address and log level map straight onto Spring Boot's own properties, which own
 * them; {@link AgentEnvironmentPostProcessor} does the mapping.
 *
 * @param name name of the agent, never blank
 * @param home the agent's home folder, absolute
 * @param resourcesFile the resources file, or {@code null} when none was given
 * @param managerUrl base URL of the manager
 * @param token the per-launch token, or {@code null} when none was given
 * @param shutdownRequiresToken whether {@code GET /shutdown} requires the token
 * @param shutdownDelay how long {@code GET /shutdown} waits after answering before it closes the
 *     application, so that the answer reaches the caller
 */
@Validated
@ConfigurationProperties("agent")
public record AgentProperties(
        @NotBlank String name,
        @DefaultValue(".") @NotNull Path home,
        @Nullable Path resourcesFile,
        @DefaultValue("http://127.0.0.1:8000") @NotNull URI managerUrl,
        @Nullable String token,
        @DefaultValue("false") boolean shutdownRequiresToken,
        @DefaultValue("200ms") @NotNull Duration shutdownDelay) {

    /**
     * The header that carries {@link #token()}: the agent demands it on {@code /shutdown}, and the manager accepts it
     * from an agent it runs on {@code GET /api/list_agents} and {@code GET /api/events} when it has an API key.
     */
    public static final String TOKEN_HEADER = "X-Agent-Token";

    /**
     * Normalizes paths to absolute ones and a blank token to none.
     *
     * @param name name of the agent
     * @param home the agent's home folder
     * @param resourcesFile the resources file, or {@code null}
     * @param managerUrl base URL of the manager
     * @param token the per-launch token, or {@code null}
     * @param shutdownRequiresToken whether {@code GET /shutdown} requires the token
     * @param shutdownDelay how long shutdown waits after answering
     */
    public AgentProperties {
        home = home.toAbsolutePath().normalize();
        resourcesFile =
                resourcesFile == null ? null : resourcesFile.toAbsolutePath().normalize();
        token = (token == null || token.isBlank()) ? null : token;
    }

    /**
     * Tells whether a token is configured whenever shutdown requires one.
     *
     * @return {@code false} when {@code agent.shutdown-requires-token} is on but no token is set
     */
    @AssertTrue(message = "AGENT_TOKEN (agent.token) must be set when AGENT_SHUTDOWN_REQUIRES_TOKEN is true")
    public boolean isTokenPresentWhenRequired() {
        return !shutdownRequiresToken || token != null;
    }

    /**
     * Tells whether the manager's URL is an absolute HTTP URL.
     *
     * @return {@code false} unless the scheme is {@code http} or {@code https} and a host is given
     */
    @AssertTrue(message = "MANAGER_URL (agent.manager-url) must be an http:// or https:// URL with a host")
    public boolean isManagerUrlHttp() {
        return ("http".equals(managerUrl.getScheme()) || "https".equals(managerUrl.getScheme()))
                && managerUrl.getHost() != null;
    }

    /** Describes the configuration without the token. */
    @Override
    public String toString() {
        return ("AgentProperties[name=%s, home=%s, resourcesFile=%s, managerUrl=%s, token=%s, "
                        + "shutdownRequiresToken=%s, shutdownDelay=%s]")
                .formatted(
                        name,
                        home,
                        resourcesFile,
                        managerUrl,
                        token == null ? "none" : "****",
                        shutdownRequiresToken,
                        shutdownDelay);
    }
}
