package dev.runtimeservice.agent.vfs.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.attribute.BasicFileAttributes;

/** What an entry of the file tree is. */
public enum EntryType {
    /** A regular file. */
    FILE,
    /** A folder. */
    FOLDER,
    /** A symbolic link, shown as such in listings. */
    LINK,
    /** Anything else (a device, a pipe). */
    OTHER;

    /**
     * Reads the type from attributes.
     *
     * @param attributes attributes read with or without following links
     * @return the type
     */
    public static EntryType of(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return LINK;
        }
        if (attributes.isDirectory()) {
            return FOLDER;
        }
        return attributes.isRegularFile() ? FILE : OTHER;
    }

    /**
     * Returns the name used in JSON.
     *
     * @return the lower-case name
     */
    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns the name used in JSON, so that the schema the agent SDK derives from this type (from the constants'
     * {@code toString}) lists the values vfs answers with: {@code file}, not {@code FILE}.
     *
     * @return the lower-case name
     */
    @Override
    public String toString() {
        return json();
    }
}
