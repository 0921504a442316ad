package dev.runtimeservice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The catalog ({@code AGENTS_DIR}) of a test run's manager. Each jar agent of the distribution gets a folder of its
 * own here with a copy of its {@code agent.yml} whose jar path is absolute and whose fixed port is dropped, so the
 * agent runs on a free port of the run's range and keeps its data, resources file and temporary files in the run's
 * folder, never in the distribution's. A test's own agents are linked as they are.
 */
final class TestCatalog {

    private final Path folder;

    TestCatalog(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Writes a copy of every jar agent of the distribution; other agents are linked like a test's own. */
    void addBuiltIns(RuntimeHome home) {
        try (DirectoryStream<Path> agents = Files.newDirectoryStream(home.agents(), Files::isDirectory)) {
            for (Path agent : agents) {
                Path descriptor = agent.resolve("agent.yml");
                if (Files.isRegularFile(descriptor)) {
                    addBuiltIn(agent, descriptor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the distribution's agents in " + home.agents(), e);
        }
    }

    private void addBuiltIn(Path agent, Path descriptor) throws IOException {
        Map<String, Object> fields = read(descriptor);
        if (!(fields.get("jar") instanceof String jar)) {
            link(agent);
            return;
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("jar", agent.resolve(jar).toAbsolutePath().normalize().toString());
        copy.remove("port");
        Path target = Files.createDirectories(folder.resolve(agent.getFileName().toString()));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        Files.writeString(target.resolve("agent.yml"), new Yaml(options).dump(copy));
    }

    private static Map<String, Object> read(Path descriptor) throws IOException {
        Object fields = new Yaml().load(Files.readString(descriptor));
        if (!(fields instanceof Map<?, ?> map)) {
            throw new TestkitException(descriptor + " is not a mapping of agent.yml fields");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /**
     * Registers an agent from its folder (with an {@code agent.yml}; the folder's name is the agent's name) by
     * linking it into the catalog. It runs in that folder, as it would under a real manager.
     *
     * @return the agent's name
     */
    String link(Path agent) {
        Path source = agent.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source.resolve("agent.yml"))) {
            throw new TestkitException(source + " has no agent.yml: an agent is a folder with an agent.yml (see"
                    + " \"Adding an agent\" in the runtime's README)");
        }
        String name = source.getFileName().toString();
        try {
            Path link = folder.resolve(name);
            Files.createDirectories(folder);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot register agent " + name + " from " + source, e);
        }
        return name;
    }
}
