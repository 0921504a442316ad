package dev.runtimeservice.agent.sdk.lifecycle;

import dev.runtimeservice.agent.sdk.resources.ResourceUsages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code GET /status} and {@code GET /shutdown}. */
@RestController
class LifecycleController {

    private final String name;
    private final AgentRuntime runtime;
    private final ResourceUsages resources;
    private final TokenCheck tokenCheck;
    private final AgentShutdown shutdown;

    LifecycleController(
            String name,
            AgentRuntime runtime,
            ResourceUsages resources,
            TokenCheck tokenCheck,
            AgentShutdown shutdown) {
        this.name = name;
        this.runtime = runtime;
        this.resources = resources;
        this.tokenCheck = tokenCheck;
        this.shutdown = shutdown;
    }

    @GetMapping("/status")
    AgentStatus status() {
        return new AgentStatus(
                name,
                runtime.state(),
                runtime.pid(),
                runtime.port(),
                runtime.startedAt(),
                runtime.uptime().toSeconds(),
                resources.list());
    }

    @GetMapping("/shutdown")
    @ResponseStatus(HttpStatus.ACCEPTED)
    StateChange shutdown(@RequestHeader(name = TokenCheck.HEADER, required = false) @Nullable String token) {
        tokenCheck.requireForShutdown(token);
        shutdown.begin(name);
        return new StateChange(name, runtime.state());
    }
}
