package dev.runtimeservice.agent.kendra.vfs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Immutable configuration of indexing from vfs, bound from the {@code kendra.vfs.*} properties.
 *
 * @param url vfs's base URL; {@code null} (the default) means ask the manager for it on every request
 * @param maxFileSize larger files are skipped, not read
 * @param maxFiles the most files one request indexes (also the {@code limit} of vfs searches)
 * @param timeout how long one call to the manager or vfs may take
 */
@Validated
@ConfigurationProperties("kendra.vfs")
public record VfsIngestProperties(
        @Nullable URI url,
        @DefaultValue("1MB") @NotNull DataSize maxFileSize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxFiles,
        @DefaultValue("30s") @NotNull Duration timeout) {}
