package dev.runtimeservice.agent.sdk.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code GET /}: the agent's name, description and version. */
@RestController
class IdentityController {

    private final AgentIdentity identity;

    IdentityController(AgentIdentity identity) {
        this.identity = identity;
    }

    @GetMapping("/")
    AgentIdentity identity() {
        return identity;
    }
}
