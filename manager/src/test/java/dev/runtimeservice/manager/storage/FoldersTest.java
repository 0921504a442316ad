package dev.runtimeservice.manager.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @Test
    void deletesWhatAnEarlierRunLeftButNeverFollowsALink(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("home/.tmp");
        Path outside = Files.writeString(
                Files.createDirectories(dir.resolve("outside")).resolve("keep.txt"), "mine");
        Files.createDirectories(folder.resolve("tomcat-docbase.8001.1/deep"));
        Files.writeString(folder.resolve("onnxruntime.so"), "native");
        Files.createSymbolicLink(folder.resolve("link"), outside.getParent());

        Folders.makeEmpty(folder);

        assertThat(folder).isEmptyDirectory();
        assertThat(outside).hasContent("mine");
    }

    @Test
    void createsAFolderThatIsNotThere(@TempDir Path dir) throws Exception {
        Folders.makeEmpty(dir.resolve("a/.tmp"));

        assertThat(dir.resolve("a/.tmp")).isEmptyDirectory();
    }

    @Test
    void deletesAFolderAndWhatItHoldsButNeverFollowsALink(@TempDir Path dir) throws Exception {
        Path entry = dir.resolve("fast-start/abc");
        Path outside = Files.writeString(
                Files.createDirectories(dir.resolve("outside")).resolve("keep.txt"), "mine");
        Files.writeString(Files.createDirectories(entry.resolve("ext/lib")).resolve("a.jar"), "jar");
        Files.createSymbolicLink(entry.resolve("link"), outside.getParent());

        Folders.delete(entry);
        Folders.delete(dir.resolve("never-was"));

        assertThat(entry).doesNotExist();
        assertThat(dir.resolve("fast-start")).isEmptyDirectory();
        assertThat(outside).hasContent("mine");
    }
}
