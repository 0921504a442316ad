package dev.runtimeservice.manager.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One running agent as the state file remembers it: enough to find its process again and to prove that a process
 * with that pid is still the same one. The launch token itself is never written, only its digest.
 *
 * @param name the agent's name
 * @param id the launch id ({@code AGENT_ID} in the agent's environment)
 * @param pid the agent's process id
 * @param processStart when that process started, as the kernel reports it; a reused pid has another start time
 * @param port the agent's port
 * @param tokenDigest SHA-256 of the launch token ({@code AGENT_TOKEN} in the agent's environment), hex
 * @param restarts automatic restarts in a row before this launch
 */
public record AgentRecord(
        String name, String id, long pid, Instant processStart, int port, String tokenDigest, int restarts) {

    /** The SHA-256 digest of a launch token, as the state file keeps it. */
    public static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
