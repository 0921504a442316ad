package dev.runtimeservice.manager.agent.catalog;

import dev.runtimeservice.manager.config.InvalidSettingException;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.InvalidDescriptorException;
import dev.runtimeservice.manager.error.UnknownAgentException;
import dev.runtimeservice.manager.isolation.IsolationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The agents that can be launched: one folder with an {@code agent.yml} per agent under {@code AGENTS_DIR}.
 * It is read again on every call, so an agent added while the manager runs can be launched at once.
 */
@Component
public class AgentCatalog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(AgentCatalog.class);

    private final Path directory;
    private final DescriptorReader reader;

    /** A catalog whose agents run as the manager's user unless their agent.yml names one. */
    public AgentCatalog(RuntimeProperties properties) {
        this(properties, new IsolationProperties(""));
    }

    /** A catalog whose agents run as {@code AGENT_USER} unless their agent.yml names another. */
    @Autowired
    public AgentCatalog(RuntimeProperties properties, IsolationProperties isolation) {
        this.reader = new DescriptorReader(isolation.user());
        this.directory = properties.agentsDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new InvalidSettingException("AGENTS_DIR " + directory + " is not a directory: set AGENTS_DIR to the "
                    + "folder that holds one sub-folder with an agent.yml per agent");
        }
    }

    /**
     * Logs what the catalog holds once the manager has started, on a thread of its own (issue 23): reading the
     * descriptors is the manager's first YAML (about 30 ms), nothing before the first launch needs it, and ready
     * listeners run before the manager reports ready, so on the main thread it delayed health UP.
     */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread summary = new Thread(this::logSummary, "catalog-summary");
        summary.setDaemon(true);
        summary.start();
    }

    private void logSummary() {
        try {
            Map<String, String> summary = new TreeMap<>();
            folders().forEach(home -> summary.put(home.getFileName().toString(), describe(home)));
            log.info("Catalog {} holds {} agents: {}", directory, summary.size(), summary);
        } catch (UncheckedIOException e) {
            log.warn("{}", e.getMessage(), e);
        }
    }

    /** The descriptor of each named agent, or an error naming every unknown one. */
    public List<AgentDescriptor> find(Collection<String> names) {
        Set<String> known = names();
        List<String> unknown =
                names.stream().filter(name -> !known.contains(name)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownAgentException(unknown, known);
        }
        return names.stream()
                .distinct()
                .map(name -> reader.read(directory.resolve(name)))
                .toList();
    }

    /** The descriptor of one agent, or an error if it is unknown or its descriptor is invalid. */
    public AgentDescriptor find(String name) {
        return find(List.of(name)).get(0);
    }

    /** The names of every agent folder, valid or not, sorted. */
    public Set<String> names() {
        return folders()
                .map(home -> home.getFileName().toString())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The fixed ports of every valid descriptor, by agent name: no other agent may take them. */
    public Map<Integer, String> reservedPorts() {
        Map<Integer, String> reserved = new TreeMap<>();
        folders().forEach(home -> {
            try {
                AgentDescriptor descriptor = reader.read(home);
                descriptor.fixedPort().ifPresent(port -> reserved.putIfAbsent(port, descriptor.name()));
            } catch (InvalidDescriptorException e) {
                // An invalid descriptor cannot be launched, so it reserves nothing; launching it reports why.
            }
        });
        return reserved;
    }

    private String describe(Path home) {
        try {
            AgentDescriptor descriptor = reader.read(home);
            return descriptor.fixedPort().map(port -> "port " + port).orElse("any free port");
        } catch (InvalidDescriptorException e) {
            log.warn("{}", e.getMessage());
            return "invalid descriptor";
        }
    }

    private Stream<Path> folders() {
        try (Stream<Path> children = Files.list(directory)) {
            return children
                    .filter(child -> Files.isRegularFile(child.resolve(DescriptorReader.FILE_NAME)))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list AGENTS_DIR " + directory, e);
        }
    }
}
