package dev.runtimeservice.agent.gpt4.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.sdk.resources.AgentResources;
import dev.runtimeservice.agent.sdk.resources.ResourceUsage;
import dev.runtimeservice.agent.sdk.resources.ResourceUsages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProviderSelectorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Gpt4Properties.class)
    static class PropertiesOnly {}

    private static AgentResources resources(String json) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return AgentResources.of("launch-1", values);
    }

    private void withProperties(ProviderCheck check, String... properties) {
        runner.withPropertyValues(properties).run(context -> check.accept(context.getBean(Gpt4Properties.class)));
    }

    @FunctionalInterface
    interface ProviderCheck {
        void accept(Gpt4Properties properties) throws Exception;
    }

    @Test
    void nothingConfiguredMeansNoProviderWithAMessageOnHowToConfigureOne() {
        withProperties(properties -> assertThat(ProviderSelector.choose(properties, AgentResources.empty()))
                .isInstanceOfSatisfying(
                        ProviderChoice.None.class,
                        none -> assertThat(none.howToConfigure()).isEqualTo(ProviderSelector.HOW_TO_CONFIGURE)));
    }

    @Test
    void theLaunchsOpenAiResourceBeatsTheEnvironment() {
        withProperties(
                properties -> {
                    ProviderChoice choice = ProviderSelector.choose(
                            properties,
                            resources(
                                    "{\"openai\":{\"base_url\":\"http://127.0.0.1:9/v1/\",\"api_key\":\"sk-res\",\"model\":\"m2\"}}"));
                    assertThat(choice).isInstanceOfSatisfying(ProviderChoice.Remote.class, remote -> {
                        assertThat(remote.settings().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
                        assertThat(remote.settings().model()).isEqualTo("m2");
                        assertThat(remote.source()).isEqualTo("the launch's 'openai' resource");
                        assertThat(remote.settings().toString()).doesNotContain("sk-res");
                    });
                },
                "gpt4.openai.base-url=http://127.0.0.1:8/v1",
                "gpt4.openai.model=m1",
                "gpt4.openai.api-key=sk-env",
                "gpt4.openai.max-retries=1");
    }

    @Test
    void autoPrefersTheOpenAiCompatibleProviderAndAForcedKindIsObeyed() {
        String[] both = {
            "gpt4.openai.base-url=http://127.0.0.1:8/v1",
            "gpt4.openai.model=m1",
            "gpt4.embedded.model-path=/models/a.gguf"
        };
        withProperties(
                properties -> assertThat(ProviderSelector.choose(properties, AgentResources.empty()))
                        .isInstanceOf(ProviderChoice.Remote.class),
                both);
        String[] forced = {both[0], both[1], both[2], "gpt4.provider=embedded"};
        withProperties(
                properties -> assertThat(ProviderSelector.choose(properties, AgentResources.empty()))
                        .isInstanceOfSatisfying(
                                ProviderChoice.Embedded.class,
                                embedded -> assertThat(embedded.modelPath()).hasToString("/models/a.gguf")),
                forced);
        withProperties(
                properties -> assertThat(ProviderSelector.choose(properties, AgentResources.empty()))
                        .isInstanceOfSatisfying(
                                ProviderChoice.None.class,
                                none -> assertThat(none.howToConfigure())
                                        .startsWith("GPT4_PROVIDER is openai, but no base URL")),
                "gpt4.provider=openai");
    }

    @Test
    void statusReportsWhichResourcesConfigureTheProviderAndThatSharepointIsNotUsed() {
        withProperties(properties -> {
            AgentResources resources = resources("{\"openai\":{\"base_url\":\"https://api.example.test/v1\","
                    + "\"api_key\":\"sk-secret\",\"model\":\"gpt-4o-mini\"},\"gguf\":{\"model_path\":\"/m.gguf\"},"
                    + "\"sharepoint\":{\"url\":\"https://contoso.sharepoint.com\",\"token\":\"t\"}}");
            ProviderChoice choice = ProviderSelector.choose(properties, resources);
            List<ResourceUsage> usages =
                    new ResourceUsages("gpt4", resources, List.of(new ProviderResourceConsumer(choice))).list();

            assertThat(usages)
                    .containsExactly(
                            new ResourceUsage(
                                    "gguf", false, "the OpenAI-compatible provider is configured and takes precedence"),
                            new ResourceUsage("openai", true, "the OpenAI-compatible provider, model gpt-4o-mini"),
                            new ResourceUsage(
                                    "sharepoint", false, "gpt4 has no capability that uses resource 'sharepoint'"));
            assertThat(usages.toString()).doesNotContain("sk-secret");
        });
    }

    @Test
    void anIncompleteOpenAiResourceIsNotUsedAndSaysWhatIsMissing() {
        withProperties(properties -> {
            AgentResources resources = resources("{\"openai\":{\"api_key\":\"sk-secret\",\"model\":\"m\"}}");
            ProviderChoice choice = ProviderSelector.choose(properties, resources);
            assertThat(choice).isInstanceOf(ProviderChoice.None.class);
            assertThat(new ResourceUsages("gpt4", resources, List.of(new ProviderResourceConsumer(choice))).list())
                    .singleElement()
                    .satisfies(usage -> assertThat(usage.reason()).startsWith("the 'base_url' field is missing"));
        });
    }

    @Test
    void propertiesNeverPrintTheirKeysAndBadValuesStopTheStart() {
        withProperties(
                properties -> assertThat(properties.toString())
                        .doesNotContain("sk-env", "server-secret")
                        .contains("****"),
                "gpt4.openai.api-key=sk-env",
                "gpt4.server-api-key=server-secret");
        runner.withPropertyValues("gpt4.embedded.max-concurrent=0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxConcurrent"));
    }
}
