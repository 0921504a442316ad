package dev.runtimeservice.manager.agent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.InvalidDescriptorException;
import dev.runtimeservice.manager.error.UnknownAgentException;
import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.isolation.IsolationProperties;
import dev.runtimeservice.manager.limits.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCatalogTest {

    @TempDir
    Path agents;

    @Test
    void aJarDescriptorIsCompletedWithDefaults() throws Exception {
        write("vfs", "jar: target/vfs-agent.jar\nport: 8001\n");
        AgentDescriptor vfs = catalog().find(List.of("vfs")).get(0);

        assertThat(vfs.jar())
                .isEqualTo(agents.resolve("vfs/target/vfs-agent.jar").toAbsolutePath());
        assertThat(vfs.fixedPort()).contains(8001);
        assertThat(vfs.healthPath()).isEqualTo("/actuator/health/readiness");
        assertThat(vfs.shutdownPath()).isEqualTo("/shutdown");
        assertThat(vfs.order()).isZero();
        assertThat(vfs.resourcesFile())
                .isEqualTo(agents.resolve("vfs/resources.json").toAbsolutePath());
    }

    @Test
    void aCommandDescriptorRunsItsArgvAndHasNoShutdownPathUnlessItSaysSo() throws Exception {
        write("py", "command: [python3, server.py]\nhealth: /health\norder: 5\nenv: {MODE: fast}\n");
        AgentDescriptor py = catalog().find(List.of("py")).get(0);

        assertThat(py.command()).containsExactly("python3", "server.py");
        assertThat(py.jar()).isNull();
        assertThat(py.shutdownPath()).isNull();
        assertThat(py.fixedPort()).isEmpty();
        assertThat(py.order()).isEqualTo(5);
        assertThat(py.env()).containsEntry("MODE", "fast");
    }

    @Test
    void limitsAreReadAsKubernetesAndSystemdWriteThem() throws Exception {
        write("limited", "jar: a.jar\nlimits: {memory: 256Mi, cpu: 0.5, pids: 128}\n");
        write("milli", "jar: a.jar\nlimits: {memory: 500M, cpu: 250m}\n");
        write("free", "jar: a.jar\n");
        AgentCatalog catalog = catalog();

        AgentDescriptor limited = catalog.find(List.of("limited")).get(0);
        assertThat(limited.limits()).isEqualTo(new Limits("256Mi", 256L << 20, 0.5, 128));
        AgentDescriptor milli = catalog.find(List.of("milli")).get(0);
        assertThat(milli.limits().memoryBytes()).isEqualTo(500_000_000L);
        assertThat(milli.limits().cpu()).isEqualTo(0.25);
        assertThat(milli.limits().pids()).isNull();
        assertThat(catalog.find(List.of("free")).get(0).limits().any()).isFalse();
    }

    @Test
    void badLimitsSayWhatIsExpected() throws Exception {
        write("badmemory", "jar: a.jar\nlimits: {memory: 256MB}\n");
        write("tinymemory", "jar: a.jar\nlimits: {memory: 1Ki}\n");
        write("badcpu", "jar: a.jar\nlimits: {cpu: -1}\n");
        write("badpids", "jar: a.jar\nlimits: {pids: 2}\n");
        write("typolimit", "jar: a.jar\nlimits: {mem: 1Gi}\n");
        AgentCatalog catalog = catalog();

        assertInvalid(catalog, "badmemory", "'limits.memory' must be a size such as 256Mi, 1Gi, 500M");
        assertInvalid(catalog, "tinymemory", "'limits.memory' must be at least 4Mi");
        assertInvalid(catalog, "badcpu", "'limits.cpu' must be a number of cores between 0.01 and 1024");
        assertInvalid(catalog, "badpids", "'limits.pids' must be between 8 and 4194304, not 2");
        assertInvalid(catalog, "typolimit", "not readable YAML");
    }

    @Test
    void unknownNamesAreReportedTogetherWithTheKnownOnes() throws Exception {
        write("vfs", "jar: a.jar\n");
        write("kendra", "jar: b.jar\n");
        assertThatThrownBy(() -> catalog().find(List.of("vfs", "nope", "gone")))
                .isInstanceOf(UnknownAgentException.class)
                .hasMessageContaining("nope, gone")
                .hasMessageContaining("Known agents: kendra, vfs");
    }

    @Test
    void anImageNamesTheContainerAndMayStandAloneForKubernetes() throws Exception {
        write("vfs", "jar: target/vfs-agent.jar\nimage: registry.example/vfs:0.1.0\n");
        write("remote", "image: ghcr.io/acme/remote-agent:1\nport: 8080\nhealth: /health\n");
        write("none", "port: 8080\n");
        write("spaced", "command: [x]\nimage: 'vfs 1'\n");
        AgentCatalog catalog = catalog();

        assertThat(catalog.find(List.of("vfs")).get(0).image()).isEqualTo("registry.example/vfs:0.1.0");
        AgentDescriptor remote = catalog.find(List.of("remote")).get(0);
        assertThat(remote.image()).isEqualTo("ghcr.io/acme/remote-agent:1");
        assertThat(remote.jar()).isNull();
        assertThat(remote.command()).isEmpty();
        assertInvalid(catalog, "none", "(or only 'image', for Kubernetes)");
        assertInvalid(catalog, "spaced", "'image' must be a container image reference");
    }

    @Test
    void invalidDescriptorsSayWhatToFix() throws Exception {
        write("both", "jar: a.jar\ncommand: [x]\n");
        write("typo", "jar: a.jar\nprot: 8001\n");
        write("badport", "jar: a.jar\nport: 70000\n");
        write("badhealth", "jar: a.jar\nhealth: health\n");
        write("badenv", "jar: a.jar\nenv: {'1X': y}\n");
        write("Upper", "jar: a.jar\n");
        AgentCatalog catalog = catalog();

        assertInvalid(catalog, "both", "exactly one of 'jar' and 'command'");
        assertInvalid(catalog, "typo", "not readable YAML");
        assertInvalid(catalog, "badport", "between 1 and 65535");
        assertInvalid(catalog, "badhealth", "starting with /");
        assertInvalid(catalog, "badenv", "'1X' is not a valid environment variable name");
        assertInvalid(catalog, "Upper", "not a valid agent name");
    }

    @Test
    void fixedPortsAreReservedForTheirAgentsAndFoldersWithoutDescriptorsAreIgnored() throws Exception {
        write("vfs", "jar: a.jar\nport: 8001\n");
        write("orchestrator", "jar: b.jar\nport: 8004\norder: 100\n");
        write("free", "jar: c.jar\n");
        write("broken", "port: 8009\n");
        Files.createDirectories(agents.resolve("sdk"));

        AgentCatalog catalog = catalog();
        assertThat(catalog.reservedPorts()).containsOnlyKeys(8001, 8004).containsEntry(8004, "orchestrator");
        assertThat(catalog.names()).containsExactly("broken", "free", "orchestrator", "vfs");
    }

    @Test
    void aMissingCatalogFolderStopsTheManagerWithAMessageNamingAgentsDir() {
        assertThatThrownBy(() -> new AgentCatalog(properties(agents.resolve("missing"))))
                .hasMessageContaining("AGENTS_DIR")
                .hasMessageContaining("missing");
    }

    @Test
    void theLifecycleAllowsOnlyForwardMoves() {
        assertThat(AgentState.STARTING.canMoveTo(AgentState.RUNNING)).isTrue();
        assertThat(AgentState.RUNNING.canMoveTo(AgentState.STARTING)).isFalse();
        assertThat(AgentState.STOPPING.canMoveTo(AgentState.STOPPED)).isTrue();
        assertThat(AgentState.STOPPED.canMoveTo(AgentState.RUNNING)).isFalse();
        assertThat(AgentState.FAILED.canMoveTo(AgentState.STOPPING)).isFalse();
        assertThat(AgentState.FAILED.isLive()).isFalse();
        assertThat(AgentState.STOPPING.isLive()).isTrue();
    }

    @Test
    void agentUserIsTheUserOfEveryAgentWhoseDescriptorNamesNone() throws Exception {
        write("plain", "command: [python3, agent.py]\n");
        write("own", "command: [python3, agent.py]\nuser: \"61005:61006\"\n");
        AgentCatalog catalog = new AgentCatalog(properties(agents), new IsolationProperties("61004"));

        assertThat(catalog.find("plain").user()).isEqualTo(new AgentUser("61004", 61004, 61004));
        assertThat(catalog.find("own").user()).isEqualTo(new AgentUser("61005:61006", 61005, 61006));
        assertThat(catalog().find("plain").user()).isNull();
        assertThatThrownBy(() -> new AgentCatalog(properties(agents), new IsolationProperties("No Such")))
                .hasMessageContaining("AGENT_USER");
    }

    private void assertInvalid(AgentCatalog catalog, String name, String reason) {
        assertThatThrownBy(() -> catalog.find(List.of(name)))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(reason);
    }

    private void write(String name, String yaml) throws Exception {
        Files.createDirectories(agents.resolve(name));
        Files.writeString(agents.resolve(name).resolve("agent.yml"), yaml);
    }

    private AgentCatalog catalog() {
        return new AgentCatalog(properties(agents));
    }

    private static RuntimeProperties properties(Path agents) {
        return new RuntimeProperties(
                false,
                8001,
                12001,
                agents,
                Path.of("logs"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                0);
    }
}
