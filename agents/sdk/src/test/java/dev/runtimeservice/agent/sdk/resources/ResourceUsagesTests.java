package dev.runtimeservice.agent.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class ResourceUsagesTests {

    private final AgentResources resources = AgentResources.of(
            "id",
            Map.of(
                    "sharepoint", JsonNodeFactory.instance.stringNode("secret"),
                    "database", JsonNodeFactory.instance.stringNode("secret")));

    private static ResourceConsumer consumer(String name, Function<JsonNode, ResourceUse> decision) {
        return new ResourceConsumer() {
            @Override
            public boolean handles(String resourceName) {
                return resourceName.equals(name);
            }

            @Override
            public ResourceUse use(String resourceName, JsonNode value) {
                return decision.apply(value);
            }
        };
    }

    @Test
    void aResourceNoConsumerHandlesIsUnusedForLackOfCapability() {
        assertThat(new ResourceUsages("vfs", resources, List.of()).list())
                .containsExactly(
                        new ResourceUsage("database", false, "vfs has no capability that uses resource 'database'"),
                        new ResourceUsage(
                                "sharepoint", false, "vfs has no capability that uses resource 'sharepoint'"));
    }

    @Test
    void aConsumerDecidesAboutTheResourcesItHandles() {
        var usages = new ResourceUsages(
                "vfs",
                resources,
                List.of(
                        consumer("sharepoint", value -> ResourceUse.used("mounted as /sharepoint")),
                        consumer("database", value -> ResourceUse.unused("the 'url' field is missing"))));

        assertThat(usages.list())
                .containsExactly(
                        new ResourceUsage("database", false, "the 'url' field is missing"),
                        new ResourceUsage("sharepoint", true, "mounted as /sharepoint"));
    }

    @Test
    void anyConsumerThatUsesAResourceWins() {
        var usages = new ResourceUsages(
                "vfs",
                resources,
                List.of(
                        consumer("database", value -> ResourceUse.unused("not for search")),
                        consumer("database", value -> ResourceUse.used("stores files"))));

        assertThat(usages.list()).contains(new ResourceUsage("database", true, "stores files"));
    }

    @Test
    void anAgentWithoutResourcesListsNone() {
        assertThat(new ResourceUsages("vfs", AgentResources.empty(), List.of()).list())
                .isEmpty();
    }
}
