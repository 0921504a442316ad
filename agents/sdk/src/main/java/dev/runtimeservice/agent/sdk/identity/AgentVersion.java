package dev.runtimeservice.agent.sdk.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.info.BuildProperties;

/** Finds the version of an agent's build: build-info first, then the jar manifest. */
final class AgentVersion {

    static final String UNKNOWN = "unknown";

    private AgentVersion() {}

    static String of(@Nullable BuildProperties build, @Nullable Class<?> applicationClass) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifest =
                applicationClass == null ? null : applicationClass.getPackage().getImplementationVersion();
        return manifest == null ? UNKNOWN : manifest;
    }
}
