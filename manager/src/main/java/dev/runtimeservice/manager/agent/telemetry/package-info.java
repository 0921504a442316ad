/**
 * What an operator watches agents by: per-agent Prometheus series (state, restarts and failures by reason, launch to
 * ready time, CPU and memory) and the spans of a launch (start slot wait, spawn, readiness).
 */
@NullMarked
package dev.runtimeservice.manager.agent.telemetry;

import org.jspecify.annotations.NullMarked;
