package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

/** The manager's logging, as Spring Boot sets it up at start: the files, their lines and their modes. */
class ManagerLoggingSystemTest {

    @TempDir
    Path logDir;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void giveTheOtherTestsTheirLogging() throws Exception {
        logging.cleanUp();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void springBootPicksItAndItWritesRuntimeLogAndOneFilePerAgentOwnerOnly() throws Exception {
        assertThat(logging).isInstanceOf(ManagerLoggingSystem.class);
        logging.beforeInitialize();
        logging.initialize(
                new LoggingInitializationContext(
                        new MockEnvironment().withProperty("runtime.log-dir", logDir.toString())),
                null,
                null);

        Logger manager = LoggerFactory.getLogger("dev.runtimeservice.manager.logs.ExampleOfALongLoggerName");
        manager.info("plain line");
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        manager.info("line in a trace");
        MDC.remove("traceId");
        MDC.put("agent", "vfs");
        LoggerFactory.getLogger(AgentOutputPump.LOGGER)
                .info("2026-12-06T10:00:00.000Z INFO  [vfs] as the agent wrote it");
        MDC.remove("agent");
        LoggerFactory.getLogger("org.apache.coyote.http11.Http11Processor").info("X-API-Key: secret");
        logging.cleanUp();

        Path runtimeLog = logDir.resolve("runtime.log");
        assertThat(Files.readAllLines(runtimeLog))
                .anyMatch(
                        line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[manager]"
                                + " d\\.r\\.m\\.logs\\.ExampleOfALongLoggerName : plain line"))
                .anyMatch(line -> line.endsWith(" : line in a trace [trace=4bf92f3577b34da6a3ce929d0e0e4736]"))
                .noneMatch(line -> line.contains("as the agent wrote it"))
                .noneMatch(line -> line.contains("secret"));
        Path agentLog = logDir.resolve("agents/vfs.log");
        assertThat(Files.readAllLines(agentLog))
                .containsExactly("2026-12-06T10:00:00.000Z INFO  [vfs] as the agent wrote it");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtimeLog)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentLog)))
                .isEqualTo("rw-------");
    }
}
