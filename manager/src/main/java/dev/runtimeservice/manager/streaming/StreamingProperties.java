package dev.runtimeservice.manager.streaming;

import dev.runtimeservice.manager.config.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The manager's long answers (the event stream, followed logs).
 *
 * @param maxStreams how many may be open at once; one more is refused with 503
 * @param tick how often followed log files are read for new lines
 * @param heartbeat how often an idle event stream gets a comment, which keeps proxies from closing it and finds
 *     clients that have gone
 */
@ConfigurationProperties("runtime.streaming")
public record StreamingProperties(
        @DefaultValue("256") int maxStreams,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("15s") Duration heartbeat) {

    public StreamingProperties {
        SettingChecks.atLeast("runtime.streaming.max-streams", maxStreams, 1);
    }
}
