package dev.runtimeservice.agent.vfs.mount;

import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import tools.jackson.databind.JsonNode;

/**
 * Says in {@code /status} why the specification's {@code sharepoint} resource is not used: vfs has
 * no SharePoint connector, so nothing is mounted from it.
 */
public final class SharepointConsumer implements ResourceConsumer {

    /** The resource name from the specification's launch example. */
    public static final String RESOURCE = "sharepoint";

    @Override
    public boolean handles(String resourceName) {
        return RESOURCE.equals(resourceName);
    }

    @Override
    public ResourceUse use(String resourceName, JsonNode value) {
        return ResourceUse.unused("vfs has no SharePoint connector in this build, so nothing is mounted from it "
                + "(it needs network access to SharePoint); to serve files, declare a local folder or a zip "
                + "archive in the 'mounts' resource");
    }
}
