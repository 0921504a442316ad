package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An output of a task.
 *
 * @param artifactId its id within the task
 * @param name an optional name
 * @param description an optional description
 * @param parts its content
 * @param metadata optional metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Artifact(
        String artifactId,
        @Nullable String name,
        @Nullable String description,
        List<Part> parts,
        @Nullable Map<String, Object> metadata) {}
