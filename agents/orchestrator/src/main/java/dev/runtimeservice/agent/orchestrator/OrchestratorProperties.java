package dev.runtimeservice.agent.orchestrator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Immutable configuration of the orchestrator, bound from {@code orchestrator.*}.
 *
 * @param discoveryInterval how often the running agents are discovered again on their own, besides when the
 *     manager's events say one started or stopped running
 * @param cardTimeout how long reading one agent's card may take
 * @param dropAfterFailures consecutive failed card reads after which an agent is dropped
 * @param managerApiKey the manager's {@code RUNTIME_API_KEY}, when the manager demands one
 *     ({@code ORCHESTRATOR_MANAGER_API_KEY}); agents never inherit it from the manager
 * @param callTimeout how long one agent call of an executed instruction may take
 * @param minScore the lowest routing score that still counts as a fit; below it no agent fits
 */
@Validated
@ConfigurationProperties("orchestrator")
public record OrchestratorProperties(
        @DefaultValue("30s") @NotNull Duration discoveryInterval,
        @DefaultValue("2s") @NotNull Duration cardTimeout,
        @DefaultValue("2") @Min(1) int dropAfterFailures,
        @Nullable String managerApiKey,
        @DefaultValue("30s") @NotNull Duration callTimeout,

        @DefaultValue(OrchestratorProperties.DEFAULT_MIN_SCORE) @DecimalMin("0") @DecimalMax("1")
        double minScore) {

    /** The default lowest routing score that counts as a fit, set from the labelled instructions' measurements. */
    public static final String DEFAULT_MIN_SCORE = "0.40";

    /** Treats a blank key as none. */
    public OrchestratorProperties {
        managerApiKey = managerApiKey == null || managerApiKey.isBlank() ? null : managerApiKey;
    }

    /** Describes the configuration without the key. */
    @Override
    public String toString() {
        return "OrchestratorProperties[discoveryInterval=%s, cardTimeout=%s, dropAfterFailures=%d, managerApiKey=%s, "
                        .formatted(
                                discoveryInterval,
                                cardTimeout,
                                dropAfterFailures,
                                managerApiKey == null ? "none" : "****")
                + "callTimeout=%s, minScore=%s]".formatted(callTimeout, minScore);
    }
}
