package dev.runtimeservice.agent.sdk.lifecycle;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** Checks the {@code X-Agent-Token} header against {@code AGENT_TOKEN} in constant time. */
final class TokenCheck {

    static final String HEADER = AgentProperties.TOKEN_HEADER;

    private final AgentProperties properties;

    TokenCheck(AgentProperties properties) {
        this.properties = properties;
    }

    void requireForShutdown(@Nullable String presented) {
        if (properties.shutdownRequiresToken() && !matches(presented, properties.token())) {
            throw new InvalidAgentTokenException(properties.name());
        }
    }

    private static boolean matches(@Nullable String presented, @Nullable String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        // MessageDigest.isEqual takes time that depends on the presented length only, not on the content.
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
