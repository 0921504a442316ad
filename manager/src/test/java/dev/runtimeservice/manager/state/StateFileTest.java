package dev.runtimeservice.manager.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class StateFileTest {

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private final List<StateFolderLock> locks = new ArrayList<>();

    @AfterEach
    void releaseTheFolders() {
        locks.forEach(StateFolderLock::destroy);
    }

    private StateFile stateFile(Path state) {
        return new StateFile(lock(new StateProperties(state, false)), json);
    }

    private StateFolderLock lock(StateProperties properties) {
        StateFolderLock lock = new StateFolderLock(properties);
        locks.add(lock);
        return lock;
    }

    @Test
    void whatIsSavedIsLoadedBackFromAFileOnlyItsOwnerCanRead() throws Exception {
        StateFile file = stateFile(folder);
        AgentRecord vfs = new AgentRecord(
                "vfs",
                "launch-1",
                4242,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                8001,
                AgentRecord.digest("token"),
                2);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WaitingRecord kendra = new WaitingRecord(
                "kendra",
                "launch-2",
                8002,
                now.minusSeconds(30),
                1,
                now.plusSeconds(2),
                "exited on its own with code 1");
        FailedRecord gpt4 = new FailedRecord(
                "gpt4",
                "launch-3",
                8003,
                now.minusSeconds(60),
                0,
                "did not answer /actuator/health/readiness within 120 s",
                null);
        FailedRecord echo =
                new FailedRecord("echo", "launch-4", 8005, now.minusSeconds(90), 3, "exited with code 2", 2);

        file.save(List.of(vfs), List.of(kendra), List.of(gpt4, echo));

        assertThat(file.load().agents()).containsExactly(vfs);
        assertThat(file.load().waiting()).containsExactly(kendra);
        assertThat(file.load().failed()).containsExactly(gpt4, echo);
        assertThat(file.load().problem()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file.path())).doesNotContain("\"token\"");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files)
                    .as("no temporary file is left")
                    .containsExactlyInAnyOrder(file.path(), folder.resolve(StateFolderLock.NAME));
        }
    }

    @Test
    void aMissingFileMeansNoAgents() {
        StateFile.Loaded loaded = stateFile(folder.resolve("new")).load();

        assertThat(loaded.agents()).isEmpty();
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void aTruncatedFileIsMovedAsideAndSaysWhere() throws Exception {
        StateFile file = stateFile(folder);
        file.save(
                List.of(new AgentRecord("vfs", "launch-1", 4242, Instant.now(), 8001, "digest", 0)),
                List.of(),
                List.of());
        byte[] content = Files.readAllBytes(file.path());
        Files.write(file.path(), java.util.Arrays.copyOf(content, content.length / 2));

        StateFile.Loaded loaded = file.load();

        assertThat(loaded.agents()).isEmpty();
        assertThat(loaded.problem())
                .get()
                .asString()
                .contains("cannot be read as a state file")
                .contains("agents.json.broken-");
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void aFileFromBeforeWaitingAndFailedAgentsWereKeptLoadsWithNone() throws Exception {
        StateFile file = stateFile(folder);
        Files.writeString(
                file.path(),
                "{\"version\":1,\"saved_at\":\"2026-11-25T10:00:00Z\",\"agents\":[{\"name\":\"vfs\","
                        + "\"id\":\"launch-1\",\"pid\":4242,\"process_start\":\"2026-11-25T09:00:00Z\",\"port\":8001,"
                        + "\"token_digest\":\"abc\",\"restarts\":0}]}");

        StateFile.Loaded loaded = file.load();

        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.agents()).extracting(AgentRecord::name).containsExactly("vfs");
        assertThat(loaded.waiting()).isEmpty();
        assertThat(loaded.failed()).isEmpty();
    }

    @Test
    void aWaitingEntryWithoutItsRestartTimeIsNotTrusted() throws Exception {
        StateFile file = stateFile(folder);
        Files.writeString(
                file.path(),
                "{\"version\":1,\"agents\":[],\"waiting\":[{\"name\":\"vfs\",\"id\":\"l\","
                        + "\"port\":8001,\"started_at\":\"2026-11-25T09:00:00Z\",\"restarts\":0,\"reason\":\"exited\"}]}");

        assertThat(file.load().problem()).get().asString().contains("cannot use");
    }

    @Test
    void aFailedEntryWithoutItsReasonIsNotTrusted() throws Exception {
        StateFile file = stateFile(folder);
        Files.writeString(
                file.path(),
                "{\"version\":1,\"agents\":[],\"failed\":[{\"name\":\"vfs\",\"id\":\"l\","
                        + "\"port\":8001,\"started_at\":\"2026-11-25T09:00:00Z\",\"restarts\":0}]}");

        assertThat(file.load().problem()).get().asString().contains("cannot use");
    }

    @Test
    void anEntryWithoutItsProofsIsNotTrusted() throws Exception {
        StateFile file = stateFile(folder);
        Files.writeString(file.path(), "{\"version\":1,\"agents\":[{\"name\":\"vfs\",\"pid\":4242}]}");

        assertThat(file.load().problem()).get().asString().contains("cannot be read as a state file");
    }

    @Test
    void eachLaunchHasItsOwnOutputPipeInTheStateFolder() {
        StateProperties properties = new StateProperties(Path.of("run/state"), false);

        assertThat(properties.outputOf("vfs", "launch-1"))
                .isEqualTo(
                        Path.of("run/state/vfs-launch-1.out").toAbsolutePath().normalize());
        StateProperties here = new StateProperties(folder, false);
        assertThat(new LiveAgents(here, lock(here)).read(ProcessHandle.current().pid()))
                .as("the test JVM is no agent of this folder")
                .isEmpty();
    }
}
