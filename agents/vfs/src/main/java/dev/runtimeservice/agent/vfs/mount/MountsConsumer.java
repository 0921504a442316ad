package dev.runtimeservice.agent.vfs.mount;

import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import tools.jackson.databind.JsonNode;

/** Reports in {@code /status} which mounts of the {@value MountTable#RESOURCE} resource are served. */
public final class MountsConsumer implements ResourceConsumer {

    private final MountTable table;

    /**
     * Creates the consumer.
     *
     * @param table the mounts as opened at start
     */
    public MountsConsumer(MountTable table) {
        this.table = table;
    }

    @Override
    public boolean handles(String resourceName) {
        return MountTable.RESOURCE.equals(resourceName);
    }

    @Override
    public ResourceUse use(String resourceName, JsonNode value) {
        return table.use();
    }
}
