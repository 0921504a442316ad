package dev.runtimeservice.manager.config;

import java.util.Map;
import java.util.Optional;

/** Maps the manager's Spring property names to the environment variables users set. */
final class ConfigurationKeys {

    private static final Map<String, String> ENVIRONMENT_KEYS = Map.ofEntries(
            Map.entry("spring.application.name", "APP_NAME"),
            Map.entry("server.port", "PORT"),
            Map.entry("runtime.debug", "DEBUG"),
            Map.entry("runtime.min-agent-port", "MIN_AGENT_PORT"),
            Map.entry("runtime.max-agent-port", "MAX_AGENT_PORT"),
            Map.entry("runtime.agents-dir", "AGENTS_DIR"),
            Map.entry("runtime.log-dir", "LOG_DIR"),
            Map.entry("runtime.agent-startup-timeout", "AGENT_STARTUP_TIMEOUT"),
            Map.entry("runtime.agent-shutdown-timeout", "AGENT_SHUTDOWN_TIMEOUT"),
            Map.entry("runtime.bind-address", "AGENT_BIND_ADDRESS"),
            Map.entry("runtime.log-level", "LOG_LEVEL"),
            Map.entry("runtime.max-concurrent-starts", "MAX_CONCURRENT_STARTS"),
            Map.entry("runtime.backend.kind", "RUNTIME_BACKEND"),
            Map.entry("runtime.backend.namespace", "RUNTIME_NAMESPACE"),
            Map.entry("runtime.standby.agents", "AGENT_STANDBY"),
            Map.entry("runtime.standby.memory", "AGENT_STANDBY_MEMORY"),
            Map.entry("runtime.isolation.default-user", "AGENT_USER"),
            Map.entry("runtime.state.dir", "STATE_DIR"),
            Map.entry("runtime.state.keep-agents-on-exit", "KEEP_AGENTS_ON_EXIT"),
            Map.entry("logging.level.root", "LOG_LEVEL"));

    private ConfigurationKeys() {}

    /** The environment variable behind a property, for instance {@code MIN_AGENT_PORT}. */
    static Optional<String> environmentKey(String property) {
        return Optional.ofNullable(ENVIRONMENT_KEYS.get(property));
    }

    /** The property name and its environment variable, as users should read it in an error. */
    static String describe(String property) {
        return environmentKey(property).map(key -> key + " (" + property + ")").orElse(property);
    }
}
