package dev.runtimeservice.agent.sdk.resources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The resources the manager handed to this agent at launch (credentials, endpoints, mounts), read
 * once from the resources file; the SDK provides this bean.
 *
 * <p>Values are secrets: this class never prints them, and nothing in the SDK logs or serves them.
 * Agent code reads them with {@link #find(String)}.
 */
public final class AgentResources {

    private static final AgentResources EMPTY = new AgentResources(null, Map.of());

    private final @Nullable String launchId;
    private final Map<String, JsonNode> values;

    private AgentResources(@Nullable String launchId, Map<String, JsonNode> values) {
        this.launchId = launchId;
        Map<String, JsonNode> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(name, value.deepCopy()));
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the resources of an agent launched without any.
     *
     * @return an empty instance
     */
    public static AgentResources empty() {
        return EMPTY;
    }

    /**
     * Creates resources from their values.
     *
     * @param launchId the id of the launch that handed them over, or {@code null}
     * @param values the values by resource name; copied
     * @return the resources
     */
    public static AgentResources of(@Nullable String launchId, Map<String, JsonNode> values) {
        return new AgentResources(launchId, new LinkedHashMap<>(values));
    }

    /**
     * Returns the id of the launch that handed the resources over ({@code "id"} in the file).
     *
     * @return the id, or {@code null} when the file gave none
     */
    public @Nullable String launchId() {
        return launchId;
    }

    /**
     * Returns the resource names, sorted.
     *
     * @return the names; empty when the agent has no resources
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Tells whether there are no resources.
     *
     * @return {@code true} when there are none
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Finds the value of a resource.
     *
     * @param name the resource name, such as {@code "sharepoint"}
     * @return a copy of the value, or empty when there is no resource of that name
     */
    public Optional<JsonNode> find(String name) {
        return Optional.ofNullable(values.get(name)).map(JsonNode::deepCopy);
    }

    /** Describes the resources by name only, never by value. */
    @Override
    public String toString() {
        return "AgentResources[names=" + names() + "]";
    }
}
