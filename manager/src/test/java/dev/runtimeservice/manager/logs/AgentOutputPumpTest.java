package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The pump between an agent's output and its log: lines, long lines cut, secrets masked, bad bytes replaced. */
class AgentOutputPumpTest {

    private static final String PASSWORD = "TopSecret-123";
    private final SecretRedactor redactor = new SecretRedactor();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AgentOutputPump.LOGGER);

    @BeforeEach
    void captureTheLog() {
        written.start();
        logger.addAppender(written);
        redactor.register("launch-1", Map.of("sharepoint", Map.of("user", "someone", "password", PASSWORD)));
    }

    @AfterEach
    void release() {
        logger.detachAppender(written);
        redactor.forget("launch-1");
    }

    @Test
    void aSecretAcrossTheCutOfALongLineIsMaskedWholeInARealProcessOutput() throws Exception {
        // The case (a piece ending in "TopSe", the next starting with "cret-123"), and a cut at every other
        // place in the password, printed by a real process.
        Process agent = new ProcessBuilder("python3", "-c", """
                import sys
                for before in range(8192 - 13, 8192 + 1):
                    print("A" * before + sys.argv[1] + "B" * 20)
                """, PASSWORD)
                .redirectErrorStream(true)
                .start();
        List<String> lines = pump(agent.getInputStream());

        assertThat(String.join("\n", lines))
                .doesNotContain("TopSe")
                .doesNotContain("cret-123")
                .doesNotContain("123B")
                .doesNotContain("AT");
        assertThat(lines).allMatch(line -> line.length() <= AgentOutputPump.MAX_LINE_CHARS);
        assertThat(String.join("", lines).replace("A", "").replace("B", "")).isEqualTo(SecretRedactor.MASK.repeat(14));
        assertThat(agent.waitFor()).isZero();
    }

    @Test
    void endlessLinesAreCutAtTheLimitAndInvalidUtf8IsReplaced() throws Exception {
        String endless = "x".repeat(AgentOutputPump.MAX_LINE_CHARS * 2 + 10);
        byte[] invalid = {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = concat(
                (endless + "\n").getBytes(StandardCharsets.US_ASCII),
                invalid,
                ("user=" + PASSWORD + "\r\n").getBytes(StandardCharsets.US_ASCII));

        List<String> lines = pump(new ByteArrayInputStream(all));

        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 3)).allMatch(line -> line.length() <= AgentOutputPump.MAX_LINE_CHARS);
        assertThat(String.join("", lines.subList(0, 3))).isEqualTo(endless);
        assertThat(lines.get(3)).isEqualTo("bad\uFFFD(");
        assertThat(lines.get(4)).isEqualTo("user=" + SecretRedactor.MASK);
    }

    /** What the pump wrote for this output, without the pattern's prefix. */
    private List<String> pump(InputStream output) throws InterruptedException {
        Thread pump = AgentOutputPump.start("pumped", 1, output, redactor, null);
        pump.join(Duration.ofSeconds(20).toMillis());
        assertThat(pump.isAlive()).isFalse();
        return written.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .map(line -> line.substring(line.indexOf(" stdout : ") + " stdout : ".length()))
                .toList();
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
