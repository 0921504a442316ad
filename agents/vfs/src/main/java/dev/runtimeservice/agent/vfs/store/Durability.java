package dev.runtimeservice.agent.vfs.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces a folder's entries to disk after a rename, so a power loss cannot undo a finished write. */
final class Durability {

    private Durability() {}

    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems (Windows) cannot open a folder as a channel; the rename itself is still atomic.
        }
    }
}
