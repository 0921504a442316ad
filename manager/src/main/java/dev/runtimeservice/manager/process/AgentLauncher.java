package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.logs.AgentOutputPump;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Spawns agent processes and connects their output to their logs. */
@Component
public class AgentLauncher {

    private final ProcessStarter starter;
    private final SecretRedactor redactor;

    @Autowired
    public AgentLauncher(SecretRedactor redactor) {
        this(ProcessStarter.operatingSystem(), redactor);
    }

    AgentLauncher(ProcessStarter starter, SecretRedactor redactor) {
        this.starter = starter;
        this.redactor = redactor;
    }

    public AgentProcess launch(LaunchPlan plan) throws IOException {
        Process process = starter.start(plan);
        // Nothing is ever written to an agent's stdin; closing it tells agents that read it there is no input.
        process.getOutputStream().close();
        Thread pump = AgentOutputPump.start(plan.name(), process.pid(), process.getInputStream(), redactor::redact);
        return new AgentProcess(process, pump);
    }
}
