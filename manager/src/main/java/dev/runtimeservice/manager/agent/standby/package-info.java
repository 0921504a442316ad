/**
 * Warm standbys: one JVM per agent (by default every agent that can have one, within a memory budget), started ahead
 * with the environment of the launch it will become and waiting for a start line, so that a launch takes a fraction
 * of a second. A launch takes its standby only if it fits; else the standby is ended and the agent starts the usual
 * way.
 */
@NullMarked
package dev.runtimeservice.manager.agent.standby;

import org.jspecify.annotations.NullMarked;
