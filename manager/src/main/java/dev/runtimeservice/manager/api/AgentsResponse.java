package dev.runtimeservice.manager.api;

import java.util.List;

/** Every answer of the agent API: {@code {"agents": [...]}}. */
public record AgentsResponse(List<AgentResponse> agents) {}
