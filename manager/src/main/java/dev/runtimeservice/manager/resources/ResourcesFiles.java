package dev.runtimeservice.manager.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and deletes an agent's {@code resources.json}: its launch id, its name and the resources of the
 * launch. The file is readable by its owner only (0600) from the moment it exists, and it is replaced
 * atomically, so an agent never reads half of it.
 */
@Component
public class ResourcesFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private final JsonMapper json;

    public ResourcesFiles(JsonMapper json) {
        this.json = json;
    }

    public void write(Path file, String id, String agent, Map<String, Object> resources) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", id);
        content.put("name", agent);
        content.put("resources", resources);
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".resources-", ".tmp", ownerOnly());
            try {
                Files.write(temporary, json.writeValueAsBytes(content));
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the resources file " + file, e);
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the resources file " + file, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
