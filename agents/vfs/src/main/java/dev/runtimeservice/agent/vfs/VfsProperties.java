package dev.runtimeservice.agent.vfs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Immutable configuration of the vfs, bound from {@code vfs.*} (environment variables
 * {@code VFS_ROOT}, {@code VFS_MAX_FILE_SIZE}, ...).
 *
 * @param root the data root; {@code null} means {@code <agent home>/data}
 * @param maxFileSize the largest file a write accepts (413 beyond)
 * @param maxRootSize the most the data root may hold in all (507 beyond)
 * @param maxPageSize the most entries one listing page returns
 * @param maxSearchResults the most hits one search returns
 * @param searchMaxFileSize files larger than this are not read by a text search
 */
@Validated
@ConfigurationProperties("vfs")
public record VfsProperties(
        @Nullable Path root,
        @DefaultValue("100MB") @NotNull DataSize maxFileSize,
        @DefaultValue("1GB") @NotNull DataSize maxRootSize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxPageSize,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxSearchResults,
        @DefaultValue("10MB") @NotNull DataSize searchMaxFileSize) {

    /**
     * Returns the data root.
     *
     * @param home the agent's home
     * @return {@link #root()} when set, else {@code <home>/data}
     */
    public Path rootUnder(Path home) {
        return root != null ? root.toAbsolutePath().normalize() : home.resolve("data");
    }
}
