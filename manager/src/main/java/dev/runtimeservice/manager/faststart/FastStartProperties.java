package dev.runtimeservice.manager.faststart;

import dev.runtimeservice.manager.config.SettingChecks;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fast start of jar agents: an extracted jar and a class data sharing archive per jar, JDK and JVM options.
 *
 * @param enabled whether jar agents are started from the cache
 * @param cacheDir where extracted jars and archives are kept
 */
@ConfigurationProperties("runtime.fast-start")
public record FastStartProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("run/fast-start") Path cacheDir) {

    public FastStartProperties {
        SettingChecks.present("runtime.fast-start.cache-dir", cacheDir);
    }
}
