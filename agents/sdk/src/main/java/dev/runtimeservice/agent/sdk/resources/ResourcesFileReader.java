package dev.runtimeservice.agent.sdk.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the resources file the manager writes: {@code {"id":..,"name":..,"resources":{..}}}.
 *
 * <p>Errors name the file and the place, never the content.
 */
final class ResourcesFileReader {

    private static final Logger log = LoggerFactory.getLogger(ResourcesFileReader.class);

    private final ObjectMapper mapper;

    ResourcesFileReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    AgentResources read(@Nullable Path file) {
        if (file == null) {
            return AgentResources.empty();
        }
        if (!Files.exists(file)) {
            log.info("Resources file {} does not exist; the agent starts without resources", file);
            return AgentResources.empty();
        }
        AgentResources resources = parse(file, parseTree(file, readBytes(file)));
        log.info("Read resources {} from {}", resources.names(), file);
        return resources;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResourcesFileException(
                    file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private JsonNode parseTree(Path file, byte[] content) {
        try {
            return mapper.readTree(content);
        } catch (JacksonException e) {
            throw new ResourcesFileException(file, "is not valid JSON" + where(e.getLocation()));
        }
    }

    private static String where(@Nullable TokenStreamLocation location) {
        return location == null ? "" : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
    }

    private static AgentResources parse(Path file, @Nullable JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ResourcesFileException(file, "must hold a JSON object");
        }
        JsonNode resources = root.path("resources");
        if (!resources.isMissingNode() && !resources.isNull() && !resources.isObject()) {
            throw new ResourcesFileException(file, "must hold an object named 'resources'");
        }
        JsonNode id = root.path("id");
        if (!id.isMissingNode() && !id.isNull() && !id.isString()) {
            throw new ResourcesFileException(file, "must hold a string named 'id'");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (resources.isObject()) {
            resources.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        }
        return AgentResources.of(id.isString() ? id.asString() : null, values);
    }
}
