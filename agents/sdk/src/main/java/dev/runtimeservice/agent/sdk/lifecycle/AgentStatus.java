package dev.runtimeservice.agent.sdk.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.sdk.resources.ResourceUsage;
import java.time.Instant;
import java.util.List;

/** Body of {@code GET /status}; resources appear by name only. */
record AgentStatus(
        String name,
        AgentState state,
        long pid,
        int port,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("uptime_seconds") long uptimeSeconds,
        List<ResourceUsage> resources) {}
