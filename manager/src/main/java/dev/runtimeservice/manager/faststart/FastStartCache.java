package dev.runtimeservice.manager.faststart;

import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.process.JavaExecutable;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.ProcessStarter;
import dev.runtimeservice.manager.storage.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes jar agents start faster: their jar is extracted once (Spring Boot's {@code jarmode=tools}), and their
 * first run that ends cleanly records a class archive that later runs map at start: a dynamic class data sharing
 * archive ({@code -XX:ArchiveClassesAtExit}, {@code -XX:SharedArchiveFile}) before Java 25, the AOT cache
 * ({@code -XX:AOTCacheOutput}, {@code -XX:AOTCache}) from Java 25 on (see {@link ArchiveKind}). Everything is kept per
 * jar content, JDK and JVM
 * options, so an archive never meets a jar or JDK it was not made for; one the JVM still refuses is deleted
 * and made again.
 *
 * <p>An agent that runs as a user of its own (with a root manager) cannot write into the manager's cache, and must not
 * read another user's archive: its archive is kept in {@code users/<uid>/} of the cache, a folder that user owns and
 * alone can read ({@code users/} itself is root's and lets no one list it). The extracted jar stays shared: it is the
 * jar's content, which every agent of that jar runs anyway.
 */
@Component
public class FastStartCache {

    private static final Logger log = LoggerFactory.getLogger(FastStartCache.class);
    /** The file of an entry that names the jar it was made from and that jar's SHA-256, one per line. */
    static final String SOURCE = "source";
    /** The folder of the jars' digests, kept between runs of the manager (see {@link JarDigests}). */
    static final String JAR_DIGESTS = "jar-digests";

    /** The folder of the per-user archives, inside the cache. */
    static final String USERS = "users";

    private final ArchiveKind kind = ArchiveKind.forThisJdk();
    /** A training run's file: the archive's name, then the launch id ({@code app.jsa.<launch id>.tmp}). */
    private final Pattern trainingName = Pattern.compile("(.*" + Pattern.quote(kind.fileName()) + ")\\.[^.]+\\.tmp");

    private final FastStartProperties properties;
    private final ProcessStarter starter = ProcessStarter.operatingSystem();
    private final JarDigests jarDigests;
    private final Map<Path, Object> extractions = new ConcurrentHashMap<>();
    private final Set<Path> recording = ConcurrentHashMap.newKeySet();

    public FastStartCache(FastStartProperties properties) {
        this.properties = properties;
        this.jarDigests = new JarDigests(
                properties.cacheDir().toAbsolutePath().normalize().resolve(JAR_DIGESTS));
    }

    /**
     * How to run {@code jar} fast: the JVM options and the jar to run. Extracts the jar the first time, which
     * takes a second or two; returns empty when fast start is off or the jar cannot be extracted.
     *
     * @param user the user the agent runs as, whose own folder holds its archive; null for the manager's user
     */
    public Optional<FastStart> prepare(
            String agent, Path jar, List<String> jvmArgs, @Nullable AgentUser user, String launchId) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Path entry = entry(jar, jvmArgs);
        Optional<Path> extracted = extracted(agent, jar, entry.resolve("ext"));
        if (extracted.isEmpty()) {
            return Optional.empty();
        }
        Path archive = archiveOf(entry, user);
        List<String> options = new ArrayList<>(jvmArgs);
        if (!archiveFolderReady(agent, archive, user)) {
            return Optional.of(new FastStart(options, extracted.get(), null, null));
        }
        if (Files.isRegularFile(archive)) {
            options.add(kind.useOption() + archive);
            options.addAll(kind.fallback());
            return Optional.of(new FastStart(options, extracted.get(), archive, null));
        }
        if (!recording.add(archive)) {
            // One training run per archive: fifty copies of a jar launched at once would each record (and write
            // 50 MB as they stop) the same archive. The others start from the extracted jar alone.
            return Optional.of(new FastStart(options, extracted.get(), null, null));
        }
        deleteLeftTrainingFiles(archive);
        Path training = archive.resolveSibling(archive.getFileName() + "." + launchId + ".tmp");
        options.addAll(kind.recordLogging());
        options.add(kind.recordOption() + training);
        log.info(
                "No class archive yet for {} on this JDK ({}) with these JVM options: {} starts the slow way and "
                        + "records one when it stops cleanly",
                jar.getFileName(),
                Runtime.version(),
                agent);
        return Optional.of(new FastStart(options, extracted.get(), archive, training));
    }

    /** Whether jar agents start from the cache ({@code runtime.fast-start.enabled}). */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * The archive that launches of {@code jar} with these JVM options, run as {@code user} (null for the manager's),
     * map at start, if one is recorded.
     */
    public Optional<Path> archive(Path jar, List<String> jvmArgs, @Nullable AgentUser user) {
        Path archive = archiveOf(entry(jar, jvmArgs), user);
        return properties.enabled() && Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /**
     * Where the archive of a cache entry is kept for agents that run as {@code user}: in the entry for the manager's
     * user, else in that user's folder, named after the entry ({@code users/61001/<entry>-app.jsa}). A manager that
     * cannot switch users runs every agent as itself, so it keeps every archive in the entry.
     */
    private Path archiveOf(Path entry, @Nullable AgentUser user) {
        if (user == null || !AgentUser.canSwitch()) {
            return entry.resolve(kind.fileName());
        }
        return usersFolder().resolve(Integer.toString(user.uid())).resolve(entry.getFileName() + "-" + kind.fileName());
    }

    private Path usersFolder() {
        return properties.cacheDir().toAbsolutePath().normalize().resolve(USERS);
    }

    /**
     * Makes the folder of a user's archives, its own and readable by it alone, in {@code users/}, which is root's and
     * lets others only pass through (so no user can put a link where another user's folder goes). False, said in the
     * log, if it cannot be made: the agent then starts from the extracted jar, without an archive.
     */
    private boolean archiveFolderReady(String agent, Path archive, @Nullable AgentUser user) {
        if (user == null || !AgentUser.canSwitch()) {
            return true;
        }
        Path users = usersFolder();
        try {
            Files.createDirectories(users);
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rwx--x--x"));
            user.ownFolder(Objects.requireNonNull(archive.getParent()));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            log.warn(
                    "Cannot make the fast-start archive folder of user {} for agent {} ({}); it starts without a "
                            + "class archive",
                    user.spec(),
                    agent,
                    e.getMessage());
            return false;
        }
    }

    /**
     * The fast start of a process that an earlier manager launched, read back from its arguments, so that the
     * archive a training run writes at exit is still kept; empty if the process is not a training run.
     */
    public Optional<FastStart> recover(List<String> arguments) {
        int jar = arguments.indexOf("-jar");
        if (jar < 0 || jar + 1 >= arguments.size()) {
            return Optional.empty();
        }
        for (String argument : arguments) {
            if (!argument.startsWith(kind.recordOption())) {
                continue;
            }
            Path training = Path.of(argument.substring(kind.recordOption().length()));
            Matcher name = trainingName.matcher(String.valueOf(training.getFileName()));
            if (name.matches()) {
                // In the entry (app.jsa.<id>.tmp) or in a user's folder (<entry>-app.jsa.<id>.tmp): its archive is
                // the same name without the launch id.
                FastStart start = new FastStart(
                        arguments.subList(0, jar),
                        Path.of(arguments.get(jar + 1)),
                        training.resolveSibling(name.group(1)),
                        training);
                recording.add(Objects.requireNonNull(start.archive()));
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** Keeps the archive a training run wrote on a clean exit; a run killed half-way leaves nothing behind. */
    public void afterExit(FastStart start, boolean cleanExit) {
        Path training = start.training();
        if (training == null || start.archive() == null) {
            return;
        }
        recording.remove(start.archive());
        try {
            if (cleanExit && Files.size(training) > 0) {
                Files.move(
                        training, start.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info(
                        "Recorded a class archive for {} ({} MB)",
                        start.jar().getFileName(),
                        Files.size(start.archive()) / 1_000_000);
            }
        } catch (IOException e) {
            log.debug("No archive recorded: {}", e.getMessage());
        } finally {
            deleteQuietly(training);
            deleteQuietly(trainingConfiguration(training));
        }
    }

    /**
     * What Java 25 writes beside the AOT cache it records: the training's configuration, from which a second JVM
     * makes the cache, and which that JVM deletes once done. A run killed meanwhile leaves it (about 60 MB).
     */
    private static Path trainingConfiguration(Path training) {
        return training.resolveSibling(training.getFileName() + ".config");
    }

    /**
     * Deletes what runs of this archive that were killed as they wrote it left behind (their .tmp files), before
     * another run records it: none of them is recording any more, since this manager records one archive at a time
     * and takes over the runs of an earlier one before it launches.
     */
    private void deleteLeftTrainingFiles(Path archive) {
        String prefix = archive.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(Objects.requireNonNull(archive.getParent()))) {
            siblings.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(prefix) && (name.endsWith(".tmp") || name.endsWith(".tmp.config"));
                    })
                    .forEach(left -> {
                        log.info(
                                "Deleting {}, left by a run of {} that was killed as it wrote its archive",
                                left,
                                archive.getFileName());
                        deleteQuietly(left);
                    });
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not look for left training files of {}: {}", archive, e.getMessage());
        }
    }

    /**
     * Deletes an archive the JVM refused, so the next clean run records a new one, and says so in the log. The
     * JVM falls back to the slow path silently (a damaged header gives no warning at all), so the check is
     * whether the archive is mapped into the agent's memory ({@code /proc/<pid>/maps}, Linux only).
     */
    public void checkUsed(String agent, FastStart start, long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (start.archive() == null || start.training() != null || !Files.isReadable(maps)) {
            return;
        }
        boolean mapped;
        try (Stream<String> lines = Files.lines(maps)) {
            mapped = lines.anyMatch(line -> line.endsWith(start.archive().toString()));
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (!mapped) {
            log.warn(
                    "Agent {} could not use its class archive {}; it started the slow way; the archive "
                            + "is deleted and its next launch records a new one",
                    agent,
                    start.archive());
            deleteQuietly(start.archive());
        }
    }

    private Optional<Path> extracted(String agent, Path jar, Path destination) {
        // Agents made from one jar share the extraction, so the first of them extracts it while the others wait.
        synchronized (extractions.computeIfAbsent(destination, key -> new Object())) {
            if (!Files.isDirectory(destination)) {
                extract(agent, jar, destination);
            }
        }
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(file -> file.toString().endsWith(".jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void extract(String agent, Path jar, Path destination) {
        Path temporary =
                destination.resolveSibling("ext-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Path folder = Objects.requireNonNull(destination.getParent());
        try {
            Files.createDirectories(folder);
            Process process = starter.start(new LaunchPlan(
                    agent,
                    List.of(
                            JavaExecutable.path(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            temporary.toString()),
                    folder,
                    Map.of()));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                log.warn(
                        "Could not extract {} for a fast start of {}; it starts from the jar: {}",
                        jar,
                        agent,
                        output.strip());
                return;
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
            log.info("Extracted {} for a fast start of {}", jar.getFileName(), agent);
            nameSource(jar, folder);
        } catch (IOException e) {
            log.warn("Could not extract {} for a fast start of {}: {}", jar, agent, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes which jar an entry was made from, then deletes the entries of that jar's earlier builds. */
    private void nameSource(Path jar, Path entry) {
        String digest = HexFormat.of().formatHex(jarDigests.of(jar));
        try {
            Files.writeString(entry.resolve(SOURCE), jar.toAbsolutePath().normalize() + "\n" + digest + "\n");
        } catch (IOException e) {
            log.warn("Could not write {}: {}", entry.resolve(SOURCE), e.getMessage());
            return;
        }
        deleteEarlierBuilds(jar, digest, entry);
    }

    /**
     * Deletes the cache entries of earlier builds of {@code jar} (the same file with other content) that no
     * running process uses: each rebuild of an agent would otherwise leave 100-200 MB behind. Entries of the same
     * content with another JDK or other JVM options stay, as do entries written before entries named their jar.
     */
    void deleteEarlierBuilds(Path jar, String digest, Path current) {
        String path = jar.toAbsolutePath().normalize().toString();
        List<Path> superseded;
        try (Stream<Path> entries = Files.list(current.getParent())) {
            superseded = entries.filter(entry -> !entry.equals(current))
                    .filter(entry -> source(entry)
                            .filter(lines -> lines.size() >= 2
                                    && lines.get(0).equals(path)
                                    && !lines.get(1).equals(digest))
                            .isPresent())
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path entry : superseded) {
            if (inUse(entry)) {
                log.debug("Keeping {}: a running process uses it", entry);
                continue;
            }
            try {
                Folders.delete(entry);
                deleteUserArchives(entry);
                log.info("Deleted {}, the fast-start cache entry of an earlier build of {}", entry, jar.getFileName());
            } catch (IOException e) {
                log.warn(
                        "Could not delete {}, the fast-start cache entry of an earlier build of {}: {}",
                        entry,
                        jar.getFileName(),
                        e.getMessage());
            }
        }
    }

    /** Deletes the archives users' agents recorded for a deleted entry ({@code users/<uid>/<entry>-app.jsa}). */
    private void deleteUserArchives(Path entry) throws IOException {
        Path users = usersFolder();
        if (!Files.isDirectory(users)) {
            return;
        }
        String prefix = entry.getFileName() + "-";
        try (Stream<Path> folders = Files.list(users)) {
            for (Path folder : folders.toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        if (String.valueOf(file.getFileName()).startsWith(prefix)) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        }
    }

    private static Optional<List<String>> source(Path entry) {
        try {
            return Optional.of(Files.readAllLines(entry.resolve(SOURCE)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a process runs from this entry: its extracted jar and its archive are named on the command line. */
    private static boolean inUse(Path entry) {
        String prefix = entry.toString() + "/";
        return ProcessHandle.allProcesses()
                .anyMatch(process -> process.info()
                        .commandLine()
                        .map(command -> command.contains(prefix))
                        .orElse(false));
    }

    /** Keyed by content, not by agent: fifty agents made from one jar share one extraction and one archive. */
    private Path entry(Path jar, List<String> jvmArgs) {
        return properties.cacheDir().toAbsolutePath().normalize().resolve(key(jar, jvmArgs));
    }

    /** The jar's content, the JDK and the JVM options: what an archive is only valid for. */
    String key(Path jar, List<String> jvmArgs) {
        MessageDigest digest = sha256();
        digest.update(jarDigests.of(jar));
        digest.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                        + String.join(" ", jvmArgs))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
