package dev.runtimeservice.manager.resources;

import dev.runtimeservice.manager.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes, reads back and deletes an agent's {@code resources.json}: its launch id, its name and the resources of
 * the launch. The file is readable by its owner only (0600) from the moment it exists, and it is replaced
 * atomically, so an agent never reads half of it.
 */
@Component
public class ResourcesFiles {

    private final JsonMapper json;

    public ResourcesFiles(JsonMapper json) {
        this.json = json;
    }

    /** What a launch's resources file holds: its launch id, its agent's name and its resources, as JSON. */
    public byte[] content(String id, String agent, Map<String, Object> resources) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", id);
        content.put("name", agent);
        content.put("resources", resources);
        return json.writeValueAsBytes(content);
    }

    public void write(Path file, String id, String agent, Map<String, Object> resources) {
        try {
            OwnerOnlyFiles.replace(file, content(id, agent, resources));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the resources file " + file, e);
        }
    }

    /**
     * The resources a launch was given, read back from its file by a manager that takes the running agent over;
     * empty if the file is gone or belongs to another launch.
     */
    public Optional<Map<String, Object>> read(Path file, String id) {
        try {
            return parse(Files.readAllBytes(file), id);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The resources a launch was given, from the content of its file as another host kept it (a Kubernetes Secret);
     * empty if it is not that launch's or not a resources file.
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> parse(byte[] file, String id) {
        try {
            Map<String, Object> content = json.readValue(file, Map.class);
            if (!id.equals(content.get("id")) || !(content.get("resources") instanceof Map<?, ?> resources)) {
                return Optional.empty();
            }
            return Optional.of((Map<String, Object>) resources);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the resources file " + file, e);
        }
    }
}
