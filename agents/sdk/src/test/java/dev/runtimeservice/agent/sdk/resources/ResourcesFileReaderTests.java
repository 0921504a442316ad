package dev.runtimeservice.agent.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ResourcesFileReaderTests {

    private static final String SECRET = "hunter2-secret";

    @TempDir
    Path dir;

    private final ResourcesFileReader reader = new ResourcesFileReader(new JsonMapper());

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("resources.json"), content);
    }

    @Test
    void noFileGivenMeansNoResources() {
        assertThat(reader.read(null).isEmpty()).isTrue();
    }

    @Test
    void aFileThatDoesNotExistMeansNoResources() {
        assertThat(reader.read(dir.resolve("missing.json")).names()).isEmpty();
    }

    @Test
    void readsNamesValuesAndLaunchId() throws IOException {
        Path file = write("""
                {"id":"0b9e","name":"vfs","resources":{"sharepoint":{"url":"https://sp","password":"%s"},"api_key":"k"}}
                """.formatted(SECRET));

        AgentResources resources = reader.read(file);

        assertThat(resources.launchId()).isEqualTo("0b9e");
        assertThat(resources.names()).containsExactly("api_key", "sharepoint");
        assertThat(resources.find("sharepoint"))
                .hasValueSatisfying(
                        value -> assertThat(value.get("password").asString()).isEqualTo(SECRET));
        assertThat(resources.find("api_key"))
                .hasValueSatisfying(value -> assertThat(value.asString()).isEqualTo("k"));
        assertThat(resources.find("nothing")).isEmpty();
    }

    @Test
    void aFileWithoutResourcesMeansNoResources() throws IOException {
        AgentResources resources = reader.read(write("{\"name\":\"vfs\"}"));

        assertThat(resources.isEmpty()).isTrue();
        assertThat(resources.launchId()).isNull();
    }

    @Test
    void toStringNamesResourcesButNeverTheirValues() throws IOException {
        AgentResources resources = reader.read(write("{\"resources\":{\"db\":{\"password\":\"" + SECRET + "\"}}}"));

        assertThat(resources).hasToString("AgentResources[names=[db]]");
    }

    @Test
    void valuesHandedOutAreCopies() throws IOException {
        AgentResources resources = reader.read(write("{\"resources\":{\"db\":{\"user\":\"bob\"}}}"));

        ((tools.jackson.databind.node.ObjectNode) resources.find("db").orElseThrow()).put("user", "eve");

        assertThat(resources.find("db").orElseThrow().get("user").asString()).isEqualTo("bob");
    }

    @Test
    void malformedJsonFailsNamingTheFileAndPlaceButNotTheContent() throws IOException {
        Path file = write("{\"resources\":{\"db\":{\"password\":\"" + SECRET + "\" oops}}}");

        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(file))
                .withMessageStartingWith("Resources file " + file + " is not valid JSON (line 1, column")
                .withMessageNotContaining(SECRET)
                .satisfies(e -> assertThat(e.file()).isEqualTo(file));
    }

    @Test
    void aFileThatIsNotAnObjectFails() throws IOException {
        Path file = write("[\"" + SECRET + "\"]");

        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(file))
                .withMessage("Resources file " + file + " must hold a JSON object");
    }

    @Test
    void anEmptyFileFails() throws IOException {
        Path file = write("");

        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(file))
                .withMessageContaining(file.toString());
    }

    @Test
    void resourcesThatAreNotAnObjectFail() throws IOException {
        Path file = write("{\"resources\":[\"" + SECRET + "\"]}");

        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(file))
                .withMessage("Resources file " + file + " must hold an object named 'resources'");
    }

    @Test
    void anIdThatIsNotAStringFails() throws IOException {
        Path file = write("{\"id\":42,\"resources\":{}}");

        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(file))
                .withMessage("Resources file " + file + " must hold a string named 'id'");
    }

    @Test
    void aFileThatCannotBeReadFails() {
        assertThatExceptionOfType(ResourcesFileException.class)
                .isThrownBy(() -> reader.read(dir))
                .withMessageStartingWith("Resources file " + dir + " cannot be read");
    }
}
