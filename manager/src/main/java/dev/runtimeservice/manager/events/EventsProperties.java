package dev.runtimeservice.manager.events;

import dev.runtimeservice.manager.config.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lifecycle event stream.
 *
 * @param bufferSize how many of the latest events are kept for clients that reconnect with {@code Last-Event-ID}
 */
@ConfigurationProperties("runtime.events")
public record EventsProperties(@DefaultValue("1000") int bufferSize) {

    public EventsProperties {
        SettingChecks.atLeast("runtime.events.buffer-size", bufferSize, 1);
    }
}
