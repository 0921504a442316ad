package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentNames;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/launch_agents}.
 *
 * @param agents the names of the agents to launch
 * @param resources what every launched agent gets in its resources file; may be empty or absent
 */
record LaunchRequest(
        @NotEmpty(message = "must name at least one agent, as in {\"agents\": [\"vfs\"]}")
        @Size(max = AgentNames.MAX_PER_REQUEST, message = "must name at most " + AgentNames.MAX_PER_REQUEST + " agents")
        List<
                        @NotNull(message = "must be a name, not null")
                        @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE) String>
                agents,

        @Nullable Map<String, Object> resources) {

    Map<String, Object> resourcesOrEmpty() {
        return resources == null ? Map.of() : resources;
    }
}
