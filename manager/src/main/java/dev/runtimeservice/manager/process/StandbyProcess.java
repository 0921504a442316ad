package dev.runtimeservice.manager.process;

import java.io.OutputStream;

/**
 * An agent's process in warm standby and its standard input, where the line that starts the agent is written.
 *
 * @param process the process, whose output already goes to the agent's log
 * @param input its standard input; closing it ends a standby that was never started
 */
public record StandbyProcess(AgentProcess process, OutputStream input) {}
