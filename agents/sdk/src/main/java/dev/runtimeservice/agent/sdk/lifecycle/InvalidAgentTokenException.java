package dev.runtimeservice.agent.sdk.lifecycle;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/** Thrown when a call that needs the agent's token comes without it or with a wrong one. */
final class InvalidAgentTokenException extends AgentSdkException {

    InvalidAgentTokenException(String agentName) {
        super(
                HttpStatus.UNAUTHORIZED,
                "Shutting down agent " + agentName + " requires header " + TokenCheck.HEADER
                        + " with the token the manager gave it at launch (AGENT_TOKEN).");
    }
}
