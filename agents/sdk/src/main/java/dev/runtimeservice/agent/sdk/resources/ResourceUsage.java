package dev.runtimeservice.agent.sdk.resources;

/**
 * One line of the resources list in {@code GET /status}: a resource's name and whether the agent
 * uses it, never its value.
 *
 * @param name the resource name
 * @param used whether the agent uses it
 * @param reason why
 */
public record ResourceUsage(String name, boolean used, String reason) {}
