package dev.runtimeservice.agent.sdk.a2a;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The A2A protocol versions served, as asked for in the {@value #HEADER} header or query parameter. */
final class Versions {

    static final String HEADER = "A2A-Version";
    static final String CURRENT = "1.0";
    static final String LEGACY = "0.3";

    private static final Set<String> SERVED = Set.of("1.0", "1", "0.3", "");

    private Versions() {}

    /** Accepts no version (the method names then say which), 1.0 and 0.3; refuses any other. */
    static void check(@Nullable String header, @Nullable String parameter) {
        String asked = header != null ? header.trim() : parameter == null ? "" : parameter.trim();
        if (!SERVED.contains(asked) && !asked.startsWith("1.0.") && !asked.startsWith("0.3.")) {
            throw A2aException.versionNotSupported(asked);
        }
    }
}
