package dev.runtimeservice.manager.faststart;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one launch of a jar agent starts fast.
 *
 * @param jvmOptions the agent's JVM options plus the archive options
 * @param jar the extracted jar to run
 * @param archive the archive this jar, JDK and options use, or null when this launch neither uses nor records one
 * @param training where this launch records the archive at exit, when there is none yet; else null
 */
public record FastStart(
        List<String> jvmOptions,
        Path jar,
        @Nullable Path archive,
        @Nullable Path training) {

    public FastStart {
        jvmOptions = List.copyOf(jvmOptions);
    }
}
