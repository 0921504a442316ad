package dev.runtimeservice.manager.logs;

import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Copies what an agent prints to {@code logs/agents/<name>.log}, line by line, through the
 * {@value #LOGGER} logger (see {@link ManagerLoggingSystem}). Lines already in the common pattern, as the
 * agent SDK prints them, are kept as they are; anything else (a JVM error, a program in another language)
 * is put into the pattern, so the whole file reads one way. Secret values are masked before a long line is cut,
 * so a secret is never split across two pieces.
 */
public final class AgentOutputPump implements Runnable {

    static final String LOGGER = "agent-output";
    /** Longer lines are cut into pieces of this many characters, so one endless line cannot fill the memory. */
    static final int MAX_LINE_CHARS = 8192;

    private static final Logger output = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(AgentOutputPump.class);
    private static final Pattern PATTERNED =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S*\\s+[A-Z]+\\s+\\[");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String agent;
    private final InputStream stream;
    private final SecretRedactor redactor;
    private final @Nullable Runnable afterEnd;
    // Reused for every line: the pump allocates only the text of each line it writes.
    private final StringBuilder line = new StringBuilder(256);
    private final LinePrefix prefix;

    private AgentOutputPump(String agent, InputStream stream, SecretRedactor redactor, @Nullable Runnable afterEnd) {
        this.agent = agent;
        this.stream = stream;
        this.redactor = redactor;
        this.afterEnd = afterEnd;
        this.prefix = new LinePrefix(agent);
    }

    /**
     * Starts a daemon thread that copies {@code stream} until the process closes it.
     *
     * @param redactor masks secret values in each line before it is written
     * @param afterEnd run on the same thread once the output has ended, or null
     */
    public static Thread start(
            String agent, long pid, InputStream stream, SecretRedactor redactor, @Nullable Runnable afterEnd) {
        Thread thread =
                new Thread(new AgentOutputPump(agent, stream, redactor, afterEnd), "output-" + agent + "-" + pid);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        MDC.put("agent", agent);
        try (InputStream in = stream) {
            pump(in);
        } catch (IOException e) {
            log.debug("Output of agent {} ended: {}", agent, e.getMessage());
        } finally {
            if (!line.isEmpty()) {
                emit(line.length());
            }
            MDC.remove("agent");
        }
        if (afterEnd != null) {
            afterEnd.run();
        }
    }

    /** Decodes the stream as UTF-8 (bytes that are not are replaced) and splits it into lines. */
    private void pump(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        int read;
        while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
            bytes.position(bytes.position() + read).flip();
            decoder.decode(bytes, chars, false);
            bytes.compact();
            take(chars.flip());
            chars.clear();
        }
        decoder.decode(bytes.flip(), chars, true);
        decoder.flush(chars);
        take(chars.flip());
    }

    /** Appends the characters to the line, writing it at each newline and cutting it when too long. */
    private void take(CharBuffer chars) {
        char[] array = chars.array();
        int at = chars.position();
        int end = chars.limit();
        while (at < end) {
            int stop = at;
            int room = MAX_LINE_CHARS - line.length();
            while (stop < end && array[stop] != '\n' && stop - at < room) {
                stop++;
            }
            line.append(array, at, stop - at);
            if (stop < end && array[stop] == '\n') {
                emit(line.length());
                stop++;
            } else if (line.length() >= MAX_LINE_CHARS) {
                emit(cut());
            }
            at = stop;
        }
    }

    /**
     * Where to cut a line too long: far enough from its end that a secret begun in the last characters stays whole
     * for the next piece, and never inside a secret (secrets longer than half a piece may still be cut).
     */
    private int cut() {
        int keep = Math.min(Math.max(redactor.longest() - 1, 0), MAX_LINE_CHARS / 2);
        int cut = redactor.cutOutsideSecrets(line, line.length() - keep);
        if (cut < line.length() && Character.isLowSurrogate(line.charAt(cut))) {
            cut--;
        }
        return cut;
    }

    /** Writes the first {@code length} characters of the line and keeps the rest for the next piece. */
    private void emit(int length) {
        int end = length > 0 && line.charAt(length - 1) == '\r' ? length - 1 : length;
        String text = line.substring(0, end);
        line.delete(0, length);
        output.info(prefix.format(redactor.redact(text)));
    }

    /** The line as it goes into the log: unchanged if already in the common pattern. */
    static String format(String agent, String text) {
        return new LinePrefix(agent).format(text);
    }

    /**
     * The start of a line put into the common pattern: timestamp, level, agent, logger. Made once per millisecond,
     * not per line, since an agent that floods its output prints many lines in each; the matcher is reused too.
     */
    private static final class LinePrefix {

        private final String agent;
        private final Matcher patterned = PATTERNED.matcher("");
        private long millis = -1;
        private String prefix = "";

        LinePrefix(String agent) {
            this.agent = agent;
        }

        String format(String text) {
            if (patterned.reset(text).lookingAt()) {
                return text;
            }
            long now = System.currentTimeMillis();
            if (now != millis) {
                millis = now;
                prefix = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneId.systemDefault())
                                .format(TIMESTAMP) + " INFO  [" + agent + "] stdout : ";
            }
            return prefix.concat(text);
        }
    }
}
