package dev.runtimeservice.manager.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the manager, and how much they may send.
 *
 * @param apiKey when not blank, every endpoint but health needs it ({@code RUNTIME_API_KEY})
 * @param maxRequestBytes the largest request body accepted
 */
@Validated
@ConfigurationProperties("runtime.security")
public record SecurityProperties(@DefaultValue("") String apiKey, @Min(1024) @DefaultValue("1048576") long maxRequestBytes) {

    public boolean apiKeyRequired() {
        return !apiKey.isBlank();
    }

    /** Never shows the key, so that printing the settings cannot leak it. */
    @Override
    public String toString() {
        return "SecurityProperties[apiKey=" + (apiKeyRequired() ? "******" : "none") + ", maxRequestBytes="
                + maxRequestBytes + "]";
    }
}
