package dev.runtimeservice.manager.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which agents the manager keeps in warm standby ({@code AGENT_STANDBY}, a comma-separated list of agent names;
 * none by default): a JVM per agent started ahead of its launch, so that the launch starts it in a fraction of a
 * second. Each costs an idle JVM's memory while its agent does not run, and a few CPU seconds when it is made.
 *
 * @param agents the agents' names; each must be a jar agent with a fixed port
 */
@ConfigurationProperties("runtime.standby")
public record StandbyProperties(@DefaultValue List<String> agents) {

    public StandbyProperties {
        agents = agents.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }
}
