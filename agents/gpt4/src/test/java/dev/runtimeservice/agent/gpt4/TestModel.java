package dev.runtimeservice.agent.gpt4;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the test model that the build names in the {@code gpt4.test-model} system property. */
public final class TestModel {

    private TestModel() {}

    /**
     * Returns the model file.
     *
     * @return the path of stories260K.gguf
     * @throws IllegalStateException when the property is unset or the file is missing, saying what to do
     */
    public static Path path() {
        String property = System.getProperty("gpt4.test-model");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("System property gpt4.test-model is not set; run the tests through Maven "
                    + "(agents/gpt4/pom.xml sets it to ../shared/models/stories260K.gguf)");
        }
        Path path = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The test model " + path + " is missing; the shared/ folder beside the "
                    + "repository must hold models/stories260K.gguf (see shared/models/README.md)");
        }
        return path;
    }
}
