package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.NameText;
import dev.runtimeservice.manager.error.InvalidRequestException;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The specification's API: launch, list and stop agents. */
@RestController
@RequestMapping("/api")
class AgentController {

    private final AgentManager manager;
    private final AgentHost host;
    private final SecurityProperties limits;

    AgentController(AgentManager manager, AgentHost host, SecurityProperties limits) {
        this.manager = manager;
        this.host = host;
        this.limits = limits;
    }

    @Operation(
            summary = "Launch agents",
            description = "Launches each named agent and answers once all are ready. "
                    + "Agents start together, lower launch orders first (the orchestrator last). An agent "
                    + "that runs is "
                    + "returned as it is, unless the request brings different non-empty resources: then it is "
                    + "restarted.")
    @PostMapping("/launch_agents")
    AgentsResponse launch(@Valid @RequestBody LaunchRequest request) {
        ResourcesShape.check(request.resourcesOrEmpty(), limits.maxResourceKeys(), limits.maxResourceDepth());
        return new AgentsResponse(manager.launch(request.agents(), request.resourcesOrEmpty()).stream()
                .map(outcome -> AgentResponse.of(outcome, host))
                .toList());
    }

    @Operation(summary = "List agents", description = "The agents the manager runs or saw fail, with CPU and memory.")
    @GetMapping("/list_agents")
    AgentsResponse list(
            @Parameter(description = "only the agent of this name")
                    @RequestParam(required = false)
                    @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE)
                    @Nullable
                    String name,
            @Parameter(description = "only agents in this state") @RequestParam(required = false) @Nullable
                    AgentState status) {
        return new AgentsResponse(manager.list().stream()
                .filter(agent -> name == null || agent.name().equals(name))
                .filter(agent -> status == null || agent.state() == status)
                .map(agent -> AgentResponse.of(agent, host))
                .toList());
    }

    @Operation(
            summary = "Stop agents",
            description = "Stops each named agent (repeat agent_name, or separate names "
                    + "with commas): shutdown endpoint, then SIGTERM, then SIGKILL, for its whole process tree.")
    @Parameter(
            name = "agent_name",
            in = ParameterIn.QUERY,
            required = true,
            description = "agent names; repeat the parameter or separate with commas",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @PostMapping("/stop_agent")
    AgentsResponse stop(HttpServletRequest request) {
        // Read from the request as sent: Spring's conversion of "a,b" to a list trims each name, and names are exact,
        // as launch takes them: "vfs%00" or " vfs " is not "vfs".
        String[] values = request.getParameterValues("agent_name");
        List<String> names = values == null
                ? List.of()
                : Arrays.stream(values)
                        .flatMap(value -> Arrays.stream(value.split(",", -1)))
                        .toList();
        if (names.size() > AgentNames.MAX_PER_REQUEST) {
            throw new InvalidRequestException("agent_name names " + names.size() + " agents; stop at most "
                    + AgentNames.MAX_PER_REQUEST + " at once.");
        }
        List<String> invalid =
                names.stream().filter(name -> !AgentNames.isValid(name)).toList();
        if (names.isEmpty() || !invalid.isEmpty()) {
            throw new InvalidRequestException("agent_name must name agents of " + AgentNames.RULE
                    + (invalid.isEmpty() ? "" : "; invalid: " + NameText.quoted(invalid))
                    + ". Example: /api/stop_agent?agent_name=vfs");
        }
        return new AgentsResponse(manager.stop(names).stream()
                .map(outcome -> AgentResponse.of(outcome, host))
                .toList());
    }
}
