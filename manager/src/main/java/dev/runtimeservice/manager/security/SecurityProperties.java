package dev.runtimeservice.manager.security;

import dev.runtimeservice.manager.config.SettingChecks;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the manager, and how much they may send.
 *
 * @param apiKey when not blank, every endpoint but health needs it, and health shows its details only with it
 *        ({@code RUNTIME_API_KEY})
 * @param maxRequestBytes the largest request body accepted
 * @param allowedHosts the host names requests may be addressed to besides the loopback names and the configured
 *        {@code server.address} ({@code RUNTIME_ALLOWED_HOSTS}); {@code *} allows any
 * @param maxResourceKeys how many keys, at every depth together, a launch's resources may hold
 * @param maxResourceDepth how deeply a launch's resources may nest objects and arrays
 * @param bodyTimeout how long a request body may take to arrive, from the end of its headers
 * @param maxBodiesPerClient how many request bodies one client address may be sending at once
 */
@ConfigurationProperties("runtime.security")
public record SecurityProperties(
        @DefaultValue("") String apiKey,
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue("") List<String> allowedHosts,
        @DefaultValue("1000") int maxResourceKeys,
        @DefaultValue("32") int maxResourceDepth,
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("16") int maxBodiesPerClient) {

    public SecurityProperties {
        SettingChecks.atLeast("runtime.security.max-request-bytes", maxRequestBytes, 1024);
        SettingChecks.atLeast("runtime.security.max-resource-keys", maxResourceKeys, 1);
        SettingChecks.atLeast("runtime.security.max-resource-depth", maxResourceDepth, 1);
        SettingChecks.atLeast("runtime.security.max-bodies-per-client", maxBodiesPerClient, 1);
    }

    public boolean apiKeyRequired() {
        return !apiKey.isBlank();
    }

    /** Never shows the key, so that printing the settings cannot leak it. */
    @Override
    public String toString() {
        return "SecurityProperties[apiKey=" + (apiKeyRequired() ? "******" : "none") + ", maxRequestBytes="
                + maxRequestBytes + ", allowedHosts=" + allowedHosts + ", maxResourceKeys=" + maxResourceKeys
                + ", maxResourceDepth=" + maxResourceDepth + ", bodyTimeout=" + bodyTimeout + ", maxBodiesPerClient="
                + maxBodiesPerClient + "]";
    }
}
