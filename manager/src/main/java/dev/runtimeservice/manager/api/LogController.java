package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.logs.FollowEnd;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.streaming.StreamHub;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The end of an agent's log, so a user can see why it failed without a shell on the machine. */
@RestController
class LogController {

    private final AgentCatalog catalog;
    private final AgentLogs logs;
    private final SecretRedactor redactor;
    private final StreamHub streams;
    private final AgentRegistry registry;

    LogController(
            AgentCatalog catalog, AgentLogs logs, SecretRedactor redactor, StreamHub streams, AgentRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
        this.logs = logs;
        this.redactor = redactor;
        this.streams = streams;
    }

    @Operation(summary = "Last lines of an agent's log")
    @GetMapping("/api/agents/{name}/logs")
    LogTail tail(
            @PathVariable @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE) String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int lines) {
        catalog.find(name);
        return new LogTail(name, logs.file(name).toString(), redactor.redact(logs.tail(name, lines)));
    }

    @Operation(
            summary = "An agent's log, followed live",
            description = "Its last lines, then each new line as the agent writes it, with resource values masked, "
                    + "until the agent stops or fails (or at once, for an agent that does not run): then a last "
                    + "line says so ('-- vfs stopped: its log ends here --', '-- vfs failed: <reason> --') and the "
                    + "answer ends. Plain text, one line per line; Server-Sent Events (data: <line>, and the last "
                    + "line as an event named stopped or failed) when the request accepts text/event-stream.")
    @GetMapping(value = "/api/agents/{name}/logs", params = "follow=true")
    void follow(
            @PathVariable @Pattern(regexp = AgentNames.REGEX, message = "must be " + AgentNames.RULE) String name,
            @RequestParam(defaultValue = "100") @Min(0) @Max(10_000) int lines,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        catalog.find(name);
        boolean eventStream = accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setStatus(200);
        response.setContentType(
                (eventStream ? MediaType.TEXT_EVENT_STREAM_VALUE : MediaType.TEXT_PLAIN_VALUE) + ";charset=UTF-8");
        streams.open(request, response, logs.follow(name, lines, redactor, eventStream, () -> ending(name)));
    }

    /** How the agent's launch ended, or null while it lives; an agent that is not in the registry does not run. */
    private @Nullable FollowEnd ending(String name) {
        Optional<ManagedAgent> agent = registry.find(name);
        if (agent.isEmpty() || agent.get().state() == AgentState.STOPPED) {
            return FollowEnd.STOPPED;
        }
        if (agent.get().state() == AgentState.FAILED) {
            return FollowEnd.failed(agent.get().failure().orElse("it failed"));
        }
        return null;
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
