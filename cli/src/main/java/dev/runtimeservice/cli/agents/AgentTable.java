package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.client.AgentView;
import dev.runtimeservice.cli.text.Table;
import dev.runtimeservice.cli.text.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The agents as {@code ls} and {@code top} print them: one row each, uptime counted to {@code now}. */
public final class AgentTable {

    private AgentTable() {}

    /** The table of these agents, or a sentence when there are none. */
    public static String render(List<AgentView> agents, Instant now) {
        if (agents.isEmpty()) {
            return "No agents. Launch one with: runtime launch <name>\n";
        }
        Table table = new Table("NAME", "STATUS", "PID>", "PORT>", "UPTIME>", "CPU>", "MEM>", "RESTARTS>");
        for (AgentView agent : agents) {
            table.row(
                    agent.name(),
                    agent.status(),
                    Units.number(agent.pid()),
                    Units.number(agent.port()),
                    Units.duration(uptime(agent, now)),
                    Units.percent(agent.cpuPercent()),
                    Units.bytes(agent.memoryBytes()),
                    Units.number(agent.restarts()));
        }
        return table.render();
    }

    private static Duration uptime(AgentView agent, Instant now) {
        Instant started = agent.startedAt();
        if (started == null || !"RUNNING".equals(agent.status())) {
            return Duration.ofSeconds(-1);
        }
        return Duration.between(started, now);
    }
}
