package dev.runtimeservice.manager.console;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web console and the CLI need from agents beyond the specification's API: the catalog, an agent's A2A
 * card, the orchestrator's instructions, all through the manager (its key, its one port), and the agents' recent
 * CPU and memory.
 */
@RestController
class ConsoleController {

    private final AgentCatalog catalog;
    private final AgentRelay relay;
    private final UsageHistory usage;
    private final ConsoleProperties properties;

    ConsoleController(AgentCatalog catalog, AgentRelay relay, UsageHistory usage, ConsoleProperties properties) {
        this.catalog = catalog;
        this.relay = relay;
        this.usage = usage;
        this.properties = properties;
    }

    /**
     * The answer of {@code /api/usage}.
     *
     * @param periodSeconds how often a record is taken
     * @param agents each agent's records, oldest first
     */
    record UsageAnswer(long periodSeconds, Map<String, List<UsageHistory.Sample>> agents) {}

    @Operation(
            summary = "The agents' CPU and memory over the last minutes",
            description = "Each agent's CPU (percent of one core) and resident memory, recorded every "
                    + "runtime.console.usage-period (5 s) while it runs, the latest runtime.console.usage-samples "
                    + "(120: ten minutes) kept in memory. A stopped agent's records are dropped.")
    @GetMapping("/api/usage")
    UsageAnswer usage() {
        return new UsageAnswer(properties.usagePeriod().toSeconds(), usage.all());
    }

    @Operation(summary = "The agents of the catalog", description = "Each agent the manager can launch, by name.")
    @GetMapping("/api/catalog")
    Map<String, List<Map<String, String>>> catalog() {
        return Map.of(
                "agents",
                catalog.names().stream()
                        .sorted()
                        .map(name -> Map.of("name", name, "description", description(name)))
                        .toList());
    }

    private String description(String name) {
        try {
            return catalog.find(name).description();
        } catch (RuntimeServiceException e) {
            return "(cannot be launched: " + e.getMessage() + ")";
        }
    }

    @Operation(
            summary = "A running agent's A2A card",
            description = "The agent's /.well-known/agent-card.json, with its skills, as the agent serves it.")
    @GetMapping("/api/agents/{name}/card")
    ResponseEntity<String> card(
            @PathVariable @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE) String name) {
        catalog.find(name);
        return relay.get(name, "/.well-known/agent-card.json");
    }

    @Operation(
            summary = "Ask the orchestrator",
            description = "Sends {\"text\": ..., \"execute\": true|false} to the running orchestrator's /instructions "
                    + "and returns its answer as it is: the chosen agent and skill, the prompt, and with execute the "
                    + "agent's answer.")
    @PostMapping("/api/instructions")
    ResponseEntity<String> instruct(@RequestBody String body) {
        return relay.post("orchestrator", "/instructions", body);
    }
}
