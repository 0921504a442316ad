package dev.runtimeservice.agent.sdk.resources;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Which of the agent's resources it uses, decided once at start by its {@link ResourceConsumer}s;
 * the SDK provides this bean.
 */
public final class ResourceUsages {

    private final List<ResourceUsage> usages;

    /**
     * Asks the consumers about every resource.
     *
     * @param agentName the agent's name, used in the reason for a resource nobody handles
     * @param resources the agent's resources
     * @param consumers the agent's consumers, in order; the first that uses a resource wins
     */
    public ResourceUsages(String agentName, AgentResources resources, List<ResourceConsumer> consumers) {
        this.usages = resources.names().stream()
                .map(name -> decide(agentName, name, resources.find(name).orElseThrow(), consumers))
                .toList();
    }

    /**
     * Returns the decision for each resource, sorted by name.
     *
     * @return the decisions; empty when the agent has no resources
     */
    public List<ResourceUsage> list() {
        return usages;
    }

    private static ResourceUsage decide(
            String agentName, String name, JsonNode value, List<ResourceConsumer> consumers) {
        List<ResourceUse> answers = consumers.stream()
                .filter(consumer -> consumer.handles(name))
                .map(consumer -> consumer.use(name, value))
                .toList();
        ResourceUse use = answers.stream()
                .filter(ResourceUse::used)
                .findFirst()
                .or(() -> answers.stream().findFirst())
                .orElseGet(() ->
                        ResourceUse.unused("%s has no capability that uses resource '%s'".formatted(agentName, name)));
        return new ResourceUsage(name, use.used(), use.reason());
    }
}
