package dev.runtimeservice.manager.security;

/**
 * The launch tokens of the agents this manager runs ({@code AGENT_TOKEN} in each agent's environment). With an
 * API key set, an agent may read the agent list with its own token instead of the key, so no agent is given the
 * key. Implemented where the agents are kept; an interface here so that security does not depend on them.
 */
public interface LaunchTokens {

    /**
     * Tells whether a token is the launch token of an agent whose process this manager runs now.
     *
     * @param presented the token a request carried
     * @return {@code false} for a stopped agent's token, or any other value
     */
    boolean isLiveAgentToken(String presented);
}
