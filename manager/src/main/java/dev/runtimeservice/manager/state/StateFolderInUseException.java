package dev.runtimeservice.manager.state;

import java.nio.file.Path;

/** Another manager holds the state folder: this one must not start on it (see {@link StateFolderLock}). */
public class StateFolderInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final String holder;

    StateFolderInUseException(Path folder, String holder) {
        super("The state folder " + folder + " is in use by another manager (pid " + holder + ")");
        this.folder = folder;
        this.holder = holder;
    }

    public Path folder() {
        return folder;
    }

    /** The pid of the manager that holds the folder, as it wrote it, or "?". */
    public String holder() {
        return holder;
    }
}
