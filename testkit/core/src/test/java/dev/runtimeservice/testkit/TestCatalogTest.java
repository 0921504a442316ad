package dev.runtimeservice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class TestCatalogTest {

    @TempDir
    Path temp;

    @Test
    void aJarAgentRunsFromACopyOfItsDescriptorWithItsJarAbsoluteAndNoFixedPort() throws IOException {
        RuntimeHome home = distribution();
        write(
                home.agents().resolve("vfs/agent.yml"),
                "jar: target/vfs-agent.jar\nport: 8001\njvm-args: [-Xmx96m]\n" + "limits: {memory: 384Mi, cpu: 1.5}\n");
        TestCatalog catalog = new TestCatalog(temp.resolve("run/agents"));

        catalog.addBuiltIns(home);

        Map<String, Object> copy =
                new Yaml().load(Files.readString(catalog.folder().resolve("vfs/agent.yml")));
        assertThat(copy)
                .doesNotContainKey("port")
                .containsEntry(
                        "jar", home.agents().resolve("vfs/target/vfs-agent.jar").toString())
                .containsEntry("limits", Map.of("memory", "384Mi", "cpu", 1.5));
        assertThat(Files.isSymbolicLink(catalog.folder().resolve("vfs"))).isFalse();
    }

    @Test
    void anAgentRunByACommandIsLinkedAsItIsSinceItsScriptsAreRelativeToItsFolder() throws IOException {
        RuntimeHome home = distribution();
        write(home.agents().resolve("py/agent.yml"), "command: [python3, server.py]\n");
        TestCatalog catalog = new TestCatalog(temp.resolve("run/agents"));

        catalog.addBuiltIns(home);

        assertThat(catalog.folder().resolve("py").toRealPath())
                .isEqualTo(home.agents().resolve("py").toRealPath());
    }

    @Test
    void aTestsOwnAgentIsRegisteredByItsFolderNameAndAFolderWithoutDescriptorIsRefused() throws IOException {
        TestCatalog catalog = new TestCatalog(temp.resolve("run/agents"));
        write(temp.resolve("mine/greeter/agent.yml"), "command: [python3, greeter.py]\n");

        assertThat(catalog.link(temp.resolve("mine/greeter"))).isEqualTo("greeter");
        assertThat(catalog.folder().resolve("greeter/agent.yml")).exists();
        assertThatThrownBy(() -> catalog.link(temp.resolve("mine")))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("has no agent.yml");
    }

    @Test
    void aFolderThatIsNotABuiltDistributionIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new RuntimeHome(temp))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "RUNTIME_HOME", matches = ".+", disabledReason = "RUNTIME_HOME wins")
    @DisabledIfSystemProperty(named = RuntimeHome.PROPERTY, matches = ".+", disabledReason = "-Druntime.home wins")
    void theDistributionIsFoundFromAFolderInsideIt() throws IOException {
        RuntimeHome home = distribution();
        Path inside = Files.createDirectories(home.folder().resolve("testkit/samples/junit-sample"));

        assertThat(RuntimeHome.locate(null, inside)).isEqualTo(home);
        assertThat(RuntimeHome.locate("", inside)).isEqualTo(home);
    }

    private RuntimeHome distribution() throws IOException {
        Path folder = temp.resolve("dist");
        write(folder.resolve("bin/runtime-manager"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(
                folder.resolve("bin/runtime-manager"), PosixFilePermissions.fromString("rwx------"));
        write(folder.resolve("manager/target/runtime-manager.jar"), "");
        Files.createDirectories(folder.resolve("agents"));
        return new RuntimeHome(folder);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
