package dev.runtimeservice.agent.sdk.lifecycle;

/** Body of {@code GET /shutdown}: the agent's name and its new state. */
record StateChange(String name, AgentState state) {}
