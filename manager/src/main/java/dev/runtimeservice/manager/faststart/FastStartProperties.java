package dev.runtimeservice.manager.faststart;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fast start of jar agents: an extracted jar and a class data sharing archive per jar, JDK and JVM options.
 *
 * @param enabled whether jar agents are started from the cache
 * @param cacheDir where extracted jars and archives are kept
 */
@Validated
@ConfigurationProperties("runtime.fast-start")
public record FastStartProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("run/fast-start") Path cacheDir) {}
