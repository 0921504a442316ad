package dev.runtimeservice.manager.agent.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** When the manager starts an agent again after its process ended without being asked to. */
public enum RestartPolicy {
    /** Never: the agent is FAILED until someone launches it. */
    NEVER,
    /** After a non-zero exit code, or after it was killed for not answering its liveness probe. */
    ON_FAILURE,
    /** After any exit that was not asked for, even with code 0. */
    ALWAYS;

    /** Whether an agent that ended this way is started again; an unknown exit code counts as a failure. */
    public boolean restartsAfter(@Nullable Integer exitCode, boolean killedAsHung) {
        return switch (this) {
            case NEVER -> false;
            case ON_FAILURE -> exitCode == null || exitCode != 0 || killedAsHung;
            case ALWAYS -> true;
        };
    }

    /** The name used in {@code agent.yml}: {@code never}, {@code on-failure} or {@code always}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<RestartPolicy> fromYaml(String value) {
        return Arrays.stream(values())
                .filter(policy -> policy.yamlName().equals(value))
                .findFirst();
    }
}
