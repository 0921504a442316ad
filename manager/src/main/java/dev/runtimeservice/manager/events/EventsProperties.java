package dev.runtimeservice.manager.events;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lifecycle event stream.
 *
 * @param bufferSize how many of the latest events are kept for clients that reconnect with {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties("runtime.events")
public record EventsProperties(@DefaultValue("1000") @Min(1) int bufferSize) {}
