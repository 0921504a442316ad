package dev.runtimeservice.manager.agent.standby;

import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.config.InvalidSettingException;
import dev.runtimeservice.manager.config.StandbyProperties;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which agents may have a warm standby, in the order they get one: the agents named in {@code AGENT_STANDBY}, or
 * with {@code auto} every agent of the catalog that can be kept in standby, the ones launched most recently first,
 * then by launch order and name. Reading the catalog is not free with hundreds of agents, so it is looked at again at
 * most every few seconds, and an agent.yml is parsed again only when it changed.
 */
final class StandbyCandidates {

    private static final Logger log = LoggerFactory.getLogger(StandbyCandidates.class);
    private static final Duration CATALOG_REFRESH = Duration.ofSeconds(5);
    private static final String DESCRIPTOR = "agent.yml";
    private static final String ENTRY = Standby.MAIN_CLASS.replace('.', '/') + ".class";

    private final StandbyProperties properties;
    private final AgentCatalog catalog;
    private final Map<String, Long> lastLaunch = new HashMap<>();
    private final Map<Path, Boolean> hasEntry = new HashMap<>();
    private final Map<String, Read> reads = new HashMap<>();
    private List<AgentDescriptor> catalogued = List.of();
    private long cataloguedAt = Long.MIN_VALUE;
    private long launches;

    StandbyCandidates(StandbyProperties properties, AgentCatalog catalog) {
        this.properties = properties;
        this.catalog = catalog;
        properties.named().forEach(this::check);
    }

    /** Refuses to boot with a name that cannot have a standby, saying which and why. */
    private void check(String name) {
        AgentDescriptor descriptor;
        try {
            descriptor = catalog.find(name);
        } catch (RuntimeServiceException e) {
            throw new InvalidSettingException("AGENT_STANDBY names " + name + ": " + e.getMessage());
        }
        if (!fits(descriptor)) {
            throw new InvalidSettingException("AGENT_STANDBY names " + name + ", which cannot be kept in standby: only "
                    + "a jar agent with a fixed port (jar: and port: in its agent.yml) can; remove it from the list");
        }
    }

    private static boolean fits(AgentDescriptor descriptor) {
        return descriptor.jar() != null && descriptor.port() != null;
    }

    /** Notes a launch of the agent: agents launched before get their standby first. */
    void launched(String name) {
        lastLaunch.put(name, ++launches);
    }

    /** The agents that may have a standby now, the first to get one first. */
    List<AgentDescriptor> inOrder() {
        long now = System.nanoTime();
        if (now - cataloguedAt >= CATALOG_REFRESH.toNanos() || cataloguedAt == Long.MIN_VALUE) {
            catalogued = read();
            cataloguedAt = now;
        }
        List<AgentDescriptor> ordered = new ArrayList<>(catalogued);
        ordered.sort(Comparator.comparingLong((AgentDescriptor agent) -> -lastLaunch.getOrDefault(agent.name(), 0L))
                .thenComparingInt(AgentDescriptor::order)
                .thenComparing(AgentDescriptor::name));
        return ordered;
    }

    private List<AgentDescriptor> read() {
        List<String> names = properties.auto() ? List.copyOf(catalog.names()) : properties.named();
        Map<String, Read> before = new HashMap<>(reads);
        reads.clear();
        List<AgentDescriptor> found = new ArrayList<>();
        for (String name : names) {
            Read read = fresh(before.get(name)).orElseGet(() -> read(name));
            reads.put(name, read);
            if (read.descriptor() != null && fits(read.descriptor())) {
                found.add(read.descriptor());
            }
        }
        return found;
    }

    /** An agent.yml read before, if it has not changed since: with hundreds of agents, parsing them all costs. */
    private static Optional<Read> fresh(@Nullable Read read) {
        if (read == null || read.descriptor() == null) {
            return Optional.empty();
        }
        return read.modified().equals(modified(read.descriptor().home())) ? Optional.of(read) : Optional.empty();
    }

    private Read read(String name) {
        try {
            AgentDescriptor descriptor = catalog.find(name);
            return new Read(descriptor, modified(descriptor.home()));
        } catch (RuntimeServiceException e) {
            // Removed or invalid since: launching it says why; it has no standby meanwhile.
            return new Read(null, Optional.empty());
        }
    }

    private static Optional<FileTime> modified(Path home) {
        try {
            return Optional.of(Files.getLastModifiedTime(home.resolve(DESCRIPTOR)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An agent.yml as read, and when it was last changed then. */
    private record Read(@Nullable AgentDescriptor descriptor, Optional<FileTime> modified) {}

    /**
     * Whether the agent's extracted jar holds the agent SDK's standby entry point; said once when it does not, since
     * an agent that is not built on the SDK cannot be kept in standby.
     */
    boolean canWait(String name, Path extractedJar) {
        Boolean known = hasEntry.get(extractedJar);
        if (known == null) {
            known = holdsEntry(extractedJar);
            hasEntry.put(extractedJar, known);
            if (!known) {
                log.info(
                        "Agent {} is not kept in warm standby: its jar does not hold the agent SDK's standby entry "
                                + "point ({})",
                        name,
                        Standby.MAIN_CLASS);
            }
        }
        return known;
    }

    private static boolean holdsEntry(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getJarEntry(ENTRY) != null) {
                return true;
            }
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return false;
            }
            for (String entry : classPath.trim().split("\\s+")) {
                Path library = jar.resolveSibling(entry);
                if (Files.isRegularFile(library) && libraryHolds(library)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean libraryHolds(Path library) throws IOException {
        try (JarFile file = new JarFile(library.toFile())) {
            return file.getJarEntry(ENTRY) != null;
        }
    }
}
