/**
 * Where agents run, and the only code that touches the operating system's processes. {@link
 * dev.runtimeservice.manager.process.AgentHost} is the seam the agent logic spawns, watches and stops agents through;
 * {@link dev.runtimeservice.manager.process.LocalProcesses}, its implementation for child processes of this manager,
 * uses the launcher (argv, never a shell; output through a FIFO into the agent's log), the readiness probe, the
 * process-tree stopper and the CPU and memory sampler here.
 */
@NullMarked
package dev.runtimeservice.manager.process;

import org.jspecify.annotations.NullMarked;
