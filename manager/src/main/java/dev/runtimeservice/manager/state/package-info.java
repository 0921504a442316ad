/**
 * The manager's durable state: which agents it runs (pid, process start time, port, launch token digest), written
 * atomically after every change, and the live agent processes found in the process table, so that a manager
 * started after a crash can take over the agents that still run.
 */
@NullMarked
package dev.runtimeservice.manager.state;

import org.jspecify.annotations.NullMarked;
