/**
 * Starting and stopping one launch of an agent: the lifecycle (take a port, write the resources file, spawn,
 * wait for readiness, or kill and clean up), the launch plan (argv and the agent contract's environment), the start
 * slots that bound how many agents start at once, and the release of what a launch held once its process is gone.
 * Processes are reached only through {@link dev.runtimeservice.manager.process.AgentHost}.
 */
@NullMarked
package dev.runtimeservice.manager.agent.launch;

import org.jspecify.annotations.NullMarked;
