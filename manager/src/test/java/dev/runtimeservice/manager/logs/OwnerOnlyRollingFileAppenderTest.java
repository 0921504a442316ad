package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log files, active and rolled, readable by their owner only, whatever the umask and whatever was there before. */
class OwnerOnlyRollingFileAppenderTest {

    @TempDir
    Path logs;

    @Test
    void theActiveFileAndEveryRolledArchiveAreOwnerOnlyAndAnOlderReadableFileIsNarrowed() throws Exception {
        Path active = logs.resolve("agents/vfs.log");
        Files.createDirectories(active.getParent());
        Files.writeString(active, "from an older manager\n");
        Files.setPosixFilePermissions(active, PosixFilePermissions.fromString("rw-r--r--"));
        LoggerContext context = new LoggerContext();
        OwnerOnlyRollingFileAppender<ILoggingEvent> appender = appender(context, active);
        Logger logger = context.getLogger("agent-output");
        logger.addAppender(appender);

        logger.info("before the roll");
        appender.rollover();
        logger.info("after the roll");
        context.stop();

        List<Path> files;
        try (Stream<Path> listed = Files.list(active.getParent())) {
            files = listed.toList();
        }
        assertThat(files).as("rolled archives beside the active file").hasSize(2);
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    private static OwnerOnlyRollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path active) {
        OwnerOnlyRollingFileAppender<ILoggingEvent> appender = new OwnerOnlyRollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(active.toString());
        // A fixed window, rolled by hand in the test; the manager's size-and-time policy renames the active file too.
        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(active.toString().replace(".log", ".%i.log"));
        policy.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setMaxFileSize(FileSize.valueOf("1MB"));
        trigger.start();
        appender.setTriggeringPolicy(trigger);
        appender.setRollingPolicy(policy);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
