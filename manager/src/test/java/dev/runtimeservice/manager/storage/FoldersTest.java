package dev.runtimeservice.manager.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyFolderTest {

    @Test
    void deletesWhatAnEarlierRunLeftButNeverFollowsALink(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("home/.tmp");
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("keep.txt"), "mine");
        Files.createDirectories(folder.resolve("tomcat-docbase.8001.1/deep"));
        Files.writeString(folder.resolve("onnxruntime.so"), "native");
        Files.createSymbolicLink(folder.resolve("link"), outside.getParent());

        EmptyFolder.make(folder);

        assertThat(folder).isEmptyDirectory();
        assertThat(outside).hasContent("mine");
    }

    @Test
    void createsAFolderThatIsNotThere(@TempDir Path dir) throws Exception {
        EmptyFolder.make(dir.resolve("a/.tmp"));

        assertThat(dir.resolve("a/.tmp")).isEmptyDirectory();
    }
}
