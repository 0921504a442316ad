package dev.runtimeservice.agent.sdk.resources;

import org.springframework.util.Assert;

/**
 * A {@link ResourceConsumer}'s answer about one resource.
 *
 * @param used whether the agent uses the resource
 * @param reason why, in a sentence that never quotes the resource's value
 */
public record ResourceUse(boolean used, String reason) {

    /**
     * Checks that the reason is not blank.
     *
     * @param used whether the agent uses the resource
     * @param reason why
     */
    public ResourceUse {
        Assert.hasText(reason, "A resource use needs a reason");
    }

    /**
     * Says that the agent uses the resource.
     *
     * @param reason what uses it, such as "mounted as /sharepoint"
     * @return the answer
     */
    public static ResourceUse used(String reason) {
        return new ResourceUse(true, reason);
    }

    /**
     * Says that the agent does not use the resource.
     *
     * @param reason why not, such as "the 'url' field is missing"
     * @return the answer
     */
    public static ResourceUse unused(String reason) {
        return new ResourceUse(false, reason);
    }
}
