package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.resources.SecretRedactor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The end of an agent's log, so a user can see why it failed without a shell on the machine. */
@RestController
class LogController {

    private final AgentCatalog catalog;
    private final AgentLogs logs;
    private final SecretRedactor redactor;

    LogController(AgentCatalog catalog, AgentLogs logs, SecretRedactor redactor) {
        this.catalog = catalog;
        this.logs = logs;
        this.redactor = redactor;
    }

    @Operation(summary = "Last lines of an agent's log")
    @GetMapping("/api/agents/{name}/logs")
    LogTail tail(
            @PathVariable @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE) String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int lines) {
        catalog.find(name);
        return new LogTail(name, logs.file(name).toString(), redactor.redact(logs.tail(name, lines)));
    }

    /**
     * The answer of the log endpoint.
     *
     * @param agent the agent's name
     * @param file the log file on the manager's machine
     * @param lines its last lines, oldest first
     */
    record LogTail(String agent, String file, List<String> lines) {}
}
