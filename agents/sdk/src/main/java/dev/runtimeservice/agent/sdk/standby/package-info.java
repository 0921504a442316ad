/**
 * Warm standby: an agent's JVM started ahead of its launch, which runs the agent once on a throwaway port to
 * load and compile what it needs, then waits for the manager's word to start it for real.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.standby;

import org.jspecify.annotations.NullMarked;
