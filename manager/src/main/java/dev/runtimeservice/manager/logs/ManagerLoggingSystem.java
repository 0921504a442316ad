package dev.runtimeservice.manager.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.sift.MDCBasedDiscriminator;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The manager's logging, configured in code: one pattern for every line (timestamp, level, [agent], logger : message,
 * and the trace's id inside a trace), on the console and in {@code LOG_DIR/runtime.log}; each agent's output in
 * {@code LOG_DIR/agents/<name>.log} through the {@value AgentOutputPump#LOGGER} logger, whose lines are already in
 * that pattern. Files roll by size and day, their history is bounded, and every file, rolled ones too, is readable by
 * its owner only ({@link OwnerOnlyRollingFileAppender}), which is why rolled files are not compressed.
 *
 * <p>Why code and not a {@code logback-spring.xml}: reading that file (under Spring AOT, a serialized model of it)
 * and interpreting it took about a tenth of the manager's boot (issue 23). Spring Boot's defaults come first, as the
 * file's include of {@code defaults.xml} did; a {@code logback.xml} or {@code logging.config} given by a user still
 * replaces all of this, as Spring Boot documents.
 */
public class ManagerLoggingSystem extends LogbackLoggingSystem {

    static final String LINE = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%X{agent:-manager}] %logger{36} : "
            + "%msg%replace( [trace=%X{traceId}]){'^ .trace=.$', ''}%n";

    ManagerLoggingSystem(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    protected void loadDefaults(LoggingInitializationContext initialization, @Nullable LogFile logFile) {
        // Spring Boot's defaults (its logger levels and conversion words) without a file of its own: the manager's
        // files are under LOG_DIR, and logging.file.* is not used, as with the XML file before.
        super.loadDefaults(initialization, null);
        Environment environment = initialization.getEnvironment();
        String logDir = setting(environment, "runtime.log-dir", "logs");
        String agentFileSize = setting(environment, "runtime.logs.agent-file-size", "10MB");
        String agentTotalSize = setting(environment, "runtime.logs.agent-total-size", "100MB");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders(); // Spring Boot's console appender, in its own pattern
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        root.addAppender(rollingFile(
                context,
                "RUNTIME",
                logDir + "/runtime.log",
                logDir + "/runtime.%d{yyyy-MM-dd}.%i.log",
                new Rolling("10MB", 14, "200MB"),
                LINE));

        // Agent output is always recorded; agents filter their own lines by LOG_LEVEL.
        ch.qos.logback.classic.Logger agentOutput = context.getLogger(AgentOutputPump.LOGGER);
        agentOutput.setLevel(Level.INFO);
        agentOutput.setAdditive(false);
        agentOutput.addAppender(agentFiles(context, logDir, new Rolling(agentFileSize, 7, agentTotalSize)));

        // Tomcat logs a request line or header it rejects as it came (the first at INFO, later ones at DEBUG), so a
        // malformed X-API-Key header would put the key into runtime.log. The request still gets its 400.
        context.getLogger("org.apache.coyote.http11.Http11Processor").setLevel(Level.WARN);
        context.getLogger("org.apache.tomcat.util.http.parser.Cookie").setLevel(Level.WARN);
    }

    private static String setting(@Nullable Environment environment, String key, String otherwise) {
        return environment == null ? otherwise : environment.getProperty(key, otherwise);
    }

    private static Appender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context, LINE));
        console.start();
        return console;
    }

    /** One file per agent, by the {@code agent} MDC key its output pump sets. */
    private static Appender<ILoggingEvent> agentFiles(LoggerContext context, String logDir, Rolling rolling) {
        MDCBasedDiscriminator byAgent = new MDCBasedDiscriminator();
        byAgent.setContext(context);
        byAgent.setKey("agent");
        byAgent.setDefaultValue("unknown");
        byAgent.start();
        SiftingAppender agents = new SiftingAppender();
        agents.setContext(context);
        agents.setName("AGENTS");
        agents.setDiscriminator(byAgent);
        agents.setAppenderFactory((appenderContext, agent) -> rollingFile(
                appenderContext,
                "AGENT-" + agent,
                logDir + "/agents/" + agent + ".log",
                logDir + "/agents/" + agent + ".%d{yyyy-MM-dd}.%i.log",
                rolling,
                "%msg%n"));
        agents.start();
        return agents;
    }

    private static Appender<ILoggingEvent> rollingFile(
            Context context, String name, String file, String rolledFiles, Rolling rolling, String pattern) {
        OwnerOnlyRollingFileAppender<ILoggingEvent> appender = new OwnerOnlyRollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(rolledFiles);
        policy.setMaxFileSize(FileSize.valueOf(rolling.fileSize()));
        policy.setMaxHistory(rolling.days());
        policy.setTotalSizeCap(FileSize.valueOf(rolling.totalSize()));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(Context context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    /** How a log file rolls: at this size (and each day), keeping this many days and at most this much in all. */
    private record Rolling(String fileSize, int days, String totalSize) {}

    /** Chosen ahead of Spring Boot's own Logback system, which would look for a configuration file instead. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Factory implements LoggingSystemFactory {

        @Override
        public @Nullable LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return new ManagerLoggingSystem(classLoader);
        }
    }
}
