/**
 * Taking over after a manager crash or upgrade: before any request is served, the agents an earlier manager left
 * running are adopted if they prove to be the same launch (pid, start time, FIFO, token), or stopped; then the
 * launches that had ended (waiting for a restart, or failed) are brought back.
 */
@NullMarked
package dev.runtimeservice.manager.agent.takeover;

import org.jspecify.annotations.NullMarked;
