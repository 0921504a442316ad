package dev.runtimeservice.manager.logs;

import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.runtimeservice.manager.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A rolling log file readable by its owner only (0600), whatever the process's umask: logs hold what agents print,
 * and other users of the machine have no business reading them. Each new active file is made 0600 before logback
 * opens it; rolled archives are that file renamed, so they keep its mode (which is why archives are not gzipped:
 * logback writes a compressed archive as a new file, with the umask's mode).
 *
 * @param <E> the event type, as in logback
 */
public class OwnerOnlyRollingFileAppender<E> extends RollingFileAppender<E> {

    @Override
    public void openFile(String fileName) throws IOException {
        OwnerOnlyFiles.create(Path.of(fileName));
        super.openFile(fileName);
    }
}
