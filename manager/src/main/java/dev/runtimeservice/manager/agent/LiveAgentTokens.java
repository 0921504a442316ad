package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.security.LaunchTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** Checks a token against the launch tokens of the agents whose process runs (starting, running or stopping). */
@Component
class LiveAgentTokens implements LaunchTokens {

    private final AgentRegistry registry;

    LiveAgentTokens(AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isLiveAgentToken(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        // Compares with every live agent's token, in constant time each, so the answer's timing tells nothing.
        for (ManagedAgent agent : registry.all()) {
            found |= agent.state().isLive()
                    && MessageDigest.isEqual(bytes, agent.token().getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }
}
