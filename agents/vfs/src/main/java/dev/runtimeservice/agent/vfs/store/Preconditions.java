package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.PreconditionFailedException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import org.jspecify.annotations.Nullable;

/**
 * The {@code If-Match} and {@code If-None-Match} headers of a change, checked against the current
 * version of the file right before the change lands.
 *
 * @param ifMatch the change applies only to this version ({@code *}: to any existing file)
 * @param ifNoneMatch the change applies only when the file is not this version ({@code *}: does not exist)
 */
public record Preconditions(
        @Nullable String ifMatch, @Nullable String ifNoneMatch) {

    /** No conditions: the last writer wins. */
    public static final Preconditions NONE = new Preconditions(null, null);

    /**
     * Checks the conditions.
     *
     * @param path the file, for the message
     * @param currentEtag the file's current tag, or {@code null} when it does not exist
     * @throws PreconditionFailedException when a condition does not hold
     */
    public void check(VirtualPath path, @Nullable String currentEtag) {
        if (ifMatch != null && !Etags.matches(ifMatch, currentEtag)) {
            throw new PreconditionFailedException(
                    currentEtag == null
                            ? "If-Match: '" + path + "' does not exist any more; create it without If-Match."
                            : "If-Match: '" + path + "' changed since you read it (now " + currentEtag
                                    + "); read it again, merge, and retry with the new ETag.");
        }
        if (ifNoneMatch != null && Etags.matches(ifNoneMatch, currentEtag)) {
            throw new PreconditionFailedException("If-None-Match: '" + path + "' already exists" + " (ETag "
                    + currentEtag + "); drop the header to replace it.");
        }
    }
}
