package dev.runtimeservice.agent.vfs.store;

import java.nio.file.Path;

/**
 * One tree the vfs serves: the data root, or a mount that appears as a top-level folder.
 *
 * @param name the mount's name, the empty string for the data root
 * @param root the real root of the tree (a resolved folder, or the root of a zip file system)
 * @param kind what backs the tree
 * @param readOnly whether changes are refused with 403
 */
public record Volume(String name, Path root, Kind kind, boolean readOnly) {

    /** What backs a volume. */
    public enum Kind {
        /** The agent's own data root, counted against the size limit. */
        DATA,
        /** A local folder named in the resources. */
        FOLDER,
        /** A zip archive named in the resources; always read-only. */
        ZIP
    }

    /**
     * Tells whether the tree can hold symbolic links, which must then be checked.
     *
     * @return {@code false} for zip archives
     */
    public boolean mayHoldLinks() {
        return kind != Kind.ZIP;
    }

    /**
     * Tells whether writes count against the data root's size limit.
     *
     * @return {@code true} for the data root only
     */
    public boolean counted() {
        return kind == Kind.DATA;
    }

    /**
     * Returns the mount's name, or {@code null} for the data root.
     *
     * @return the name to show in entries
     */
    public @org.jspecify.annotations.Nullable String mountName() {
        return kind == Kind.DATA ? null : name;
    }
}
