package dev.runtimeservice.manager.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Makes a folder exist and hold nothing, deleting what an earlier run left in it (links, not what they point to). */
public final class EmptyFolder {

    private EmptyFolder() {
    }

    public static void make(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            List<Path> inside;
            try (Stream<Path> files = Files.walk(folder)) {
                inside = files.filter(file -> !file.equals(folder)).sorted(Comparator.reverseOrder()).toList();
            }
            for (Path file : inside) {
                Files.deleteIfExists(file);
            }
        }
        Files.createDirectories(folder);
    }
}
