package dev.runtimeservice.agent.sdk.identity;

import org.springframework.util.Assert;

/**
 * What an agent app says about itself; every agent app provides one bean of this type.
 *
 * <p>The SDK adds the name (from {@code AGENT_NAME}) and the version (from build-info or the jar
 * manifest) to make the {@link AgentIdentity}. The description must be honest: it says what the
 * agent can do in this build, and nothing it cannot.
 *
 * @param description one or two sentences on what the agent does, never blank
 */
public record AgentDescriptor(String description) {

    /**
     * Checks that the description is not blank.
     *
     * @param description one or two sentences on what the agent does
     */
    public AgentDescriptor {
        Assert.hasText(description, "An agent's description must not be blank");
    }
}
