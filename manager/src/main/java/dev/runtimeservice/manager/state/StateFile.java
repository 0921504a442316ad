package dev.runtimeservice.manager.state;

import dev.runtimeservice.manager.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agents.json} in the state directory, readable by its owner only. Each save replaces the whole file
 * atomically (see {@link OwnerOnlyFiles}), so a crash at any moment leaves the old state or the new one.
 */
@Component
public class StateFile {

    static final String NAME = "agents.json";
    private static final int VERSION = 1;

    private final Path file;
    private final JsonMapper json;

    /** The state file of the folder this manager holds: no other manager reads or writes it meanwhile. */
    public StateFile(StateFolderLock folder, JsonMapper json) {
        this.file = folder.folder().resolve(NAME);
        this.json = json;
    }

    /**
     * What was read.
     *
     * @param agents the agents whose process ran
     * @param waiting the agents that waited for their restart
     * @param failed the agents that had failed
     * @param problem what was wrong with the file, if it could not be used
     */
    public record Loaded(
            List<AgentRecord> agents,
            List<WaitingRecord> waiting,
            List<FailedRecord> failed,
            Optional<String> problem) {

        static Loaded nothing(Optional<String> problem) {
            return new Loaded(List.of(), List.of(), List.of(), problem);
        }
    }

    /** The saved state; a missing file means no agents, one that cannot be used is moved aside. */
    public synchronized Loaded load() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Loaded.nothing(Optional.empty());
        } catch (IOException e) {
            return Loaded.nothing(Optional.of(setAside("cannot be read (" + e.getMessage() + ")")));
        }
        try {
            Content state = json.readValue(content, Content.class);
            // Files written before agents waiting for a restart, or failed ones, were kept have no such lists.
            List<WaitingRecord> waiting = state.waiting() == null ? List.of() : state.waiting();
            List<FailedRecord> failed = state.failed() == null ? List.of() : state.failed();
            if (state.version() != VERSION
                    || state.agents() == null
                    || state.agents().stream().anyMatch(StateFile::incomplete)
                    || waiting.stream().anyMatch(StateFile::incomplete)
                    || failed.stream().anyMatch(StateFile::incomplete)) {
                return Loaded.nothing(Optional.of(setAside("has a layout or entries this manager cannot use")));
            }
            return new Loaded(List.copyOf(state.agents()), List.copyOf(waiting), List.copyOf(failed), Optional.empty());
        } catch (JacksonException e) {
            return Loaded.nothing(
                    Optional.of(setAside("cannot be read as a state file (" + e.getOriginalMessage() + ")")));
        }
    }

    /** Replaces the saved state with these agents. */
    public synchronized void save(List<AgentRecord> agents, List<WaitingRecord> waiting, List<FailedRecord> failed) {
        try {
            Files.createDirectories(file.getParent());
            OwnerOnlyFiles.replace(
                    file, json.writeValueAsBytes(new Content(VERSION, Instant.now(), agents, waiting, failed)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file, e);
        }
    }

    public Path path() {
        return file;
    }

    /** Moves an unusable file aside, where it can be looked at, and says so. */
    private String setAside(String what) {
        Path aside = file.resolveSibling(NAME + ".broken-" + System.currentTimeMillis());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "the state file " + file + " " + what + "; it was moved to " + aside;
        } catch (IOException e) {
            return "the state file " + file + " " + what + " and could not be moved aside (" + e.getMessage() + ")";
        }
    }

    private static boolean incomplete(AgentRecord record) {
        return record == null
                || record.name() == null
                || record.id() == null
                || record.processStart() == null
                || record.tokenDigest() == null
                || record.pid() <= 0;
    }

    private static boolean incomplete(WaitingRecord record) {
        return record == null
                || record.name() == null
                || record.id() == null
                || record.startedAt() == null
                || record.restartAt() == null
                || record.reason() == null;
    }

    private static boolean incomplete(FailedRecord record) {
        return record == null
                || record.name() == null
                || record.id() == null
                || record.startedAt() == null
                || record.reason() == null;
    }

    /** The file's layout; {@code version} lets a later manager tell an older layout apart. */
    record Content(
            int version,
            Instant savedAt,
            List<AgentRecord> agents,
            @Nullable List<WaitingRecord> waiting,
            @Nullable List<FailedRecord> failed) {}
}
