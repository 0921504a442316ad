package dev.runtimeservice.agent.sdk.resources;

import tools.jackson.databind.JsonNode;

/**
 * Declares how an agent uses resources; an agent app provides one bean per capability that needs
 * a resource.
 *
 * <p>{@code GET /status} lists every resource with whether the agent uses it. A resource that no
 * consumer {@link #handles(String) handles} is reported as not used, with a reason that says the
 * agent has no capability for it.
 */
public interface ResourceConsumer {

    /**
     * Tells whether this consumer is the one to decide about a resource.
     *
     * @param resourceName the resource name, such as {@code "sharepoint"}
     * @return {@code true} when this consumer knows resources of that name
     */
    boolean handles(String resourceName);

    /**
     * Decides whether the agent uses a resource this consumer {@link #handles(String) handles}.
     *
     * @param resourceName the resource name
     * @param value the resource's value; a secret, never to be logged
     * @return whether it is used, and why (the reason must not quote the value)
     */
    ResourceUse use(String resourceName, JsonNode value);
}
