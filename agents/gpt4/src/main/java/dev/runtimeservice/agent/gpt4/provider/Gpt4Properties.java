package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.gpt4.embedded.EmbeddedSettings;
import dev.runtimeservice.agent.gpt4.generation.GenerationLimits;
import dev.runtimeservice.agent.gpt4.remote.OpenAiSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gpt4 agent's configuration ({@code gpt4.*}); {@code application.yml} maps the environment
 * variables onto it. {@link #toString()} hides the keys.
 *
 * @param provider which provider to use: {@code auto} picks the OpenAI-compatible one when it is
 *     configured, else the in-process model when a model file is set
 * @param openai the OpenAI-compatible provider
 * @param embedded the in-process model
 * @param limits bounds on every request
 * @param serverApiKey a key that callers of this agent must send as {@code Authorization: Bearer},
 *     or {@code null} for none
 */
@Validated
@ConfigurationProperties("gpt4")
public record Gpt4Properties(
        @DefaultValue("auto") @NotNull ProviderKind provider,
        @DefaultValue @Valid OpenAiSettings openai,
        @DefaultValue @Valid EmbeddedSettings embedded,
        @DefaultValue @Valid GenerationLimits limits,
        @Nullable String serverApiKey) {

    /**
     * Turns a blank server key into none.
     *
     * @param provider which provider to use
     * @param openai the OpenAI-compatible provider
     * @param embedded the in-process model
     * @param limits bounds on every request
     * @param serverApiKey the key callers must send, or {@code null}
     */
    public Gpt4Properties {
        serverApiKey = serverApiKey == null || serverApiKey.isBlank() ? null : serverApiKey;
    }

    /** Which provider to use. */
    public enum ProviderKind {
        /** The OpenAI-compatible one when configured, else the in-process model when set, else none. */
        AUTO,
        /** Only the OpenAI-compatible provider. */
        OPENAI,
        /** Only the in-process model. */
        EMBEDDED
    }

    /** Describes the configuration without the keys. */
    @Override
    public String toString() {
        return "Gpt4Properties[provider=%s, openai=%s, embedded=%s, limits=%s, serverApiKey=%s]"
                .formatted(provider, openai, embedded, limits, serverApiKey == null ? "none" : "****");
    }
}
