package dev.runtimeservice.manager.agent.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The fields of {@code agent.yml} exactly as written; {@link DescriptorReader} checks and completes them. */
record DescriptorFile(
        @Nullable String description,
        @Nullable String jar,
        @Nullable List<String> command,
        @JsonProperty("jvm-args") @Nullable List<String> jvmArgs,
        @Nullable Integer port,
        @Nullable String health,
        @Nullable String shutdown,
        @Nullable Integer order,
        @Nullable Map<String, String> env,
        @Nullable String restart,
        @Nullable String liveness,
        @Nullable LimitsFile limits,
        @Nullable String user,
        @Nullable String image) {

    /** {@code limits:} as written; numbers are read as text so that 0.5, 500m, 256Mi and 268435456 all parse. */
    record LimitsFile(
            @Nullable String memory,
            @Nullable String cpu,
            @Nullable Integer pids) {}
}
