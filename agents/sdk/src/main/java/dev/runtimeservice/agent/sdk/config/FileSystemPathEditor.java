package dev.runtimeservice.agent.sdk.config;

import java.beans.PropertyEditorSupport;
import java.nio.file.Path;

/**
 * Converts text to a file-system {@link Path}, relative to the working directory.
 *
 * <p>Spring's default editor looks relative paths up on the classpath first, so {@code .} would
 * become the classes folder; an agent's home and resources file are always file-system paths.
 */
final class FileSystemPathEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(text.isBlank() ? null : Path.of(text.trim()).toAbsolutePath().normalize());
    }
}
