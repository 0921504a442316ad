package dev.runtimeservice.manager.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Empties and deletes folders without following links: a link inside is deleted, never what it points to. */
public final class Folders {

    private Folders() {}

    /** Makes a folder exist and hold nothing, deleting what an earlier run left in it. */
    public static void makeEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            deleteInside(folder);
        }
        Files.createDirectories(folder);
    }

    /** Deletes a folder and everything in it; a folder that is not there is not an error. */
    public static void delete(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            deleteInside(folder);
        }
        Files.deleteIfExists(folder);
    }

    private static void deleteInside(Path folder) throws IOException {
        List<Path> inside;
        try (Stream<Path> files = Files.walk(folder)) {
            inside = files.filter(file -> !file.equals(folder))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path file : inside) {
            Files.deleteIfExists(file);
        }
    }
}
