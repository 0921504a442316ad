package dev.runtimeservice.agent.kendra;

import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Says on /status why kendra does not use the specification's {@code sharepoint} resource. */
@Component
class SharepointResourceConsumer implements ResourceConsumer {

    static final String REASON = "kendra has no SharePoint connector and makes no network calls: it indexes "
            + "only documents sent to POST /documents";

    @Override
    public boolean handles(String resourceName) {
        return "sharepoint".equals(resourceName);
    }

    @Override
    public ResourceUse use(String resourceName, JsonNode value) {
        return ResourceUse.unused(REASON);
    }
}
