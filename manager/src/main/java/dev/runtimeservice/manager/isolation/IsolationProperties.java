package dev.runtimeservice.manager.isolation;

import dev.runtimeservice.manager.config.InvalidSettingException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The user every agent runs as when its {@code agent.yml} names none ({@code AGENT_USER}: a name from
 * {@code /etc/passwd} or {@code uid[:gid]}; none by default, so that agents run as the manager's user). Used only by
 * a manager that runs as root, as {@code user:} is.
 *
 * @param defaultUser as {@code AGENT_USER} gives it; blank for none
 */
@ConfigurationProperties("runtime.isolation")
public record IsolationProperties(@DefaultValue("") String defaultUser) {

    /** The default user, or null for none; a value that names no user stops the manager at boot, saying so. */
    public @Nullable AgentUser user() {
        if (defaultUser.isBlank()) {
            return null;
        }
        try {
            return AgentUser.parse(defaultUser.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("AGENT_USER: " + e.getMessage());
        }
    }
}
