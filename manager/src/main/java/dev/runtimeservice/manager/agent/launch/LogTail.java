package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The last lines of an agent's log, with its secrets masked, for error answers and log lines about a failure. */
@Component
public class LogTail {

    /** How long to wait for an ended process's last output before reading its log. */
    public static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

    private final AgentLogs logs;
    private final SecretRedactor redactor;

    LogTail(AgentLogs logs, SecretRedactor redactor) {
        this.logs = logs;
        this.redactor = redactor;
    }

    /** The last {@code count} lines, once everything the process printed has reached the log. */
    public List<String> last(String agent, @Nullable AgentProcess process, int count) {
        if (process != null) {
            process.awaitOutput(OUTPUT_DRAIN);
        }
        return redactor.redact(logs.tail(agent, count));
    }
}
