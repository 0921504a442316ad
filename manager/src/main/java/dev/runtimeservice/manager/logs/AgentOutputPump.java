package dev.runtimeservice.manager.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Copies what an agent prints to {@code logs/agents/<name>.log}, line by line, through the
 * {@value #LOGGER} logger (see {@code logback-spring.xml}). Lines already in the common pattern, as the
 * agent SDK prints them, are kept as they are; anything else (a JVM error, a program in another language)
 * is put into the pattern, so the whole file reads one way.
 */
public final class AgentOutputPump implements Runnable {

    static final String LOGGER = "agent-output";
    /** Longer lines are cut into pieces of this many bytes, so one endless line cannot fill the memory. */
    static final int MAX_LINE_BYTES = 8192;
    private static final Logger output = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(AgentOutputPump.class);
    private static final Pattern PATTERNED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S*\\s+[A-Z]+\\s+\\[");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String agent;
    private final InputStream stream;
    private final UnaryOperator<String> redact;
    private final @Nullable Runnable afterEnd;

    private AgentOutputPump(String agent, InputStream stream, UnaryOperator<String> redact, @Nullable Runnable afterEnd) {
        this.agent = agent;
        this.stream = stream;
        this.redact = redact;
        this.afterEnd = afterEnd;
    }

    /**
     * Starts a daemon thread that copies {@code stream} until the process closes it.
     *
     * @param redact masks secret values in each line before it is written
     * @param afterEnd run on the same thread once the output has ended, or null
     */
    public static Thread start(String agent, long pid, InputStream stream, UnaryOperator<String> redact,
            @Nullable Runnable afterEnd) {
        Thread thread = new Thread(new AgentOutputPump(agent, stream, redact, afterEnd), "output-" + agent + "-" + pid);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        MDC.put("agent", agent);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (InputStream in = stream) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line);
                    } else {
                        line.write(b);
                        if (line.size() >= MAX_LINE_BYTES) {
                            emit(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.debug("Output of agent {} ended: {}", agent, e.getMessage());
        } finally {
            if (line.size() > 0) {
                emit(line);
            }
            MDC.remove("agent");
        }
        if (afterEnd != null) {
            afterEnd.run();
        }
    }

    private void emit(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        output.info(format(agent, redact.apply(text)));
    }

    /** The line as it goes into the log: unchanged if already in the common pattern. */
    static String format(String agent, String text) {
        if (PATTERNED.matcher(text).find()) {
            return text;
        }
        return OffsetDateTime.now(ZoneId.systemDefault()).format(TIMESTAMP) + " INFO  [" + agent + "] stdout : " + text;
    }
}
