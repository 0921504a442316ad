package dev.runtimeservice.agent.vfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.vfs.error.BadPathException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxResolverTest {

    @TempDir
    Path base;

    Path root;
    Path outside;
    Path mounted;
    SandboxResolver resolver;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(base.resolve("data")).toRealPath();
        outside = Files.createDirectories(base.resolve("outside"));
        mounted = Files.createDirectories(base.resolve("docs-folder")).toRealPath();
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("in"));
        Files.writeString(root.resolve("in/file.txt"), "inside");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("out-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("gone"), outside.resolve("missing"));
        Files.createSymbolicLink(root.resolve("near"), Path.of("in"));
        Files.createSymbolicLink(root.resolve("in/up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("in/upup"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("to-mount"), mounted);
        Volume data = new Volume("", root, Volume.Kind.DATA, false);
        Volume docs = new Volume("docs", mounted, Volume.Kind.FOLDER, true);
        resolver = new SandboxResolver(new Volumes(data, List.of(docs), List.of()));
    }

    private Resolved resolve(String path) {
        return resolver.resolve(VirtualPath.parse(path));
    }

    @Test
    void pathsResolveBelowTheDataRoot() {
        Resolved resolved = resolve("in/file.txt");
        assertThat(resolved.real()).isEqualTo(root.resolve("in/file.txt"));
        assertThat(resolved.volume().kind()).isEqualTo(Volume.Kind.DATA);
        assertThat(resolved.volumeRoot()).isFalse();
        assertThat(resolve("").volumeRoot()).isTrue();
        assertThat(resolve("not/yet/there.txt").real()).isEqualTo(root.resolve("not/yet/there.txt"));
    }

    @Test
    void aMountNameSendsThePathToTheMountedFolder() {
        Resolved resolved = resolve("docs/a/b.md");
        assertThat(resolved.real()).isEqualTo(mounted.resolve("a/b.md"));
        assertThat(resolved.volume().name()).isEqualTo("docs");
        assertThat(resolve("docs").volumeRoot()).isTrue();
    }

    @Test
    void linksThatStayInsideTheRootAreFollowed() {
        assertThat(resolve("near/file.txt").real()).isEqualTo(root.resolve("near/file.txt"));
        assertThat(resolve("in/up/in/file.txt").real()).isEqualTo(root.resolve("in/up/in/file.txt"));
    }

    @Test
    void linksThatLeadOutsideOrNowhereAreRefused() {
        for (String path : List.of(
                "out",
                "out/secret.txt",
                "out/new.txt",
                "out-file",
                "in/upup",
                "in/upup/x",
                "near/upup/outside",
                "to-mount/x")) {
            assertThatThrownBy(() -> resolve(path))
                    .as(path)
                    .isInstanceOf(BadPathException.class)
                    .hasMessageContaining("points outside the vfs root");
        }
        assertThatThrownBy(() -> resolve("gone")).hasMessageContaining("target does not exist");
        assertThatThrownBy(() -> resolve("gone/x")).hasMessageContaining("target does not exist");
    }

    @Test
    void refusalsNameTheVirtualPathButNeverTheRealOne() {
        assertThatThrownBy(() -> resolve("out/secret.txt"))
                .hasMessageContaining("'out/secret.txt'")
                .message()
                .doesNotContain(base.toString());
    }
}
