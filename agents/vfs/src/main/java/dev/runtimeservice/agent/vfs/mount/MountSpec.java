package dev.runtimeservice.agent.vfs.mount;

import dev.runtimeservice.agent.vfs.error.BadPathException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.store.Volume;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One declared mount: its top-level name, its type ({@code folder} or {@code zip}), the absolute
 * path of the folder or archive, and its mode ({@code ro}, the default, or {@code rw} for folders).
 */
record MountSpec(String name, String type, Path path, boolean readOnly) {

    /** Why a mount cannot be used; the message never quotes the mount's path. */
    static final class InvalidMountException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidMountException(String message) {
            super(message);
        }
    }

    static MountSpec parse(String name, JsonNode spec) throws InvalidMountException {
        checkName(name);
        if (!spec.isObject()) {
            throw new InvalidMountException("its value must be an object with 'type' and 'path'");
        }
        String type = spec.path("type").asString("");
        if (!type.equals("folder") && !type.equals("zip")) {
            throw new InvalidMountException("'type' must be \"folder\" or \"zip\"");
        }
        String mode = spec.path("mode").asString("ro");
        if (!mode.equals("ro") && !mode.equals("rw")) {
            throw new InvalidMountException("'mode' must be \"ro\" or \"rw\"");
        }
        if (type.equals("zip") && mode.equals("rw")) {
            throw new InvalidMountException("zip archives are mounted read-only; drop 'mode' or set it to \"ro\"");
        }
        return new MountSpec(name, type, absolutePath(spec.path("path").asString("")), mode.equals("ro"));
    }

    private static void checkName(String name) throws InvalidMountException {
        try {
            if (VirtualPath.parse(name).names().size() != 1) {
                throw new InvalidMountException("its name must be one folder name, without '/'");
            }
        } catch (BadPathException e) {
            throw new InvalidMountException("its name is not a valid folder name");
        }
    }

    private static Path absolutePath(String text) throws InvalidMountException {
        try {
            Path path = Path.of(text);
            if (text.isBlank() || !path.isAbsolute()) {
                throw new InvalidMountException("'path' must be an absolute path");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new InvalidMountException("'path' is not a valid path on this host");
        }
    }

    Volume open(List<FileSystem> openFileSystems) throws InvalidMountException {
        if (type.equals("folder")) {
            if (!Files.isDirectory(path)) {
                throw new InvalidMountException("its path is not an existing folder");
            }
            return new Volume(name, realPath(path), Volume.Kind.FOLDER, readOnly);
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidMountException("its path is not an existing zip file");
        }
        try {
            FileSystem zip = FileSystems.newFileSystem(path, Map.of());
            openFileSystems.add(zip);
            return new Volume(name, zip.getPath("/"), Volume.Kind.ZIP, true);
        } catch (IOException | RuntimeException e) {
            throw new InvalidMountException("its path is not a readable zip archive");
        }
    }

    private static Path realPath(Path folder) throws InvalidMountException {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new InvalidMountException("its folder cannot be read");
        }
    }

    String describe() {
        return type + ", " + (readOnly ? "read-only" : "read-write");
    }

    static String printableName(String name) {
        return name.codePoints().limit(64).allMatch(cp -> !Character.isISOControl(cp))
                ? name.substring(0, Math.min(name.length(), 64))
                : "(name with control characters)";
    }
}
