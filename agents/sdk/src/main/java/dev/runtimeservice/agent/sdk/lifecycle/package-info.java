/**
 * Run-time state of the agent: {@code GET /status}, {@code GET /shutdown} and the start-up log line.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.lifecycle;

import org.jspecify.annotations.NullMarked;
