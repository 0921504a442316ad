package dev.runtimeservice.manager.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ResourcesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theResourcesFileHoldsIdNameAndResourcesAndOnlyItsOwnerCanReadIt(@TempDir Path home) throws Exception {
        Path file = home.resolve("resources.json");
        new ResourcesFiles(json).write(file, "id-1", "vfs", Map.of("sharepoint", Map.of("password", "pass")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = json.readValue(file.toFile(), Map.class);
        assertThat(content)
                .containsEntry("id", "id-1")
                .containsEntry("name", "vfs")
                .containsEntry("resources", Map.of("sharepoint", Map.of("password", "pass")));
        try (var leftovers = Files.list(home)) {
            assertThat(leftovers).containsExactly(file);
        }
        new ResourcesFiles(json).delete(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void theFingerprintIgnoresKeyOrderButSeesEveryValue() {
        ResourcesFingerprint fingerprint = new ResourcesFingerprint();
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", Map.of("x", 1));
        ab.put("b", "two");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "two");
        ba.put("a", Map.of("x", 1));
        assertThat(fingerprint.of(ab)).isEqualTo(fingerprint.of(ba));
        assertThat(fingerprint.of(ab)).isNotEqualTo(fingerprint.of(Map.of("a", Map.of("x", 2), "b", "two")));
    }

    @Test
    void everyStringValueOfARunningLaunchIsMaskedUntilItIsForgotten() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register(
                "launch-1",
                Map.of(
                        "sharepoint",
                        Map.of(
                                "url",
                                "https://example.com",
                                "user",
                                "user",
                                "password",
                                "pass",
                                "port",
                                8001,
                                "hosts",
                                List.of("alpha.example"))));
        redactor.register("launch-2", Map.of("short", "ab"));

        assertThat(redactor.redact("login user/pass at https://example.com on 8001 via alpha.example ab"))
                .isEqualTo("login ******/****** at ****** on 8001 via ****** ab");
        assertThat(redactor.redact(List.of("pass", "free"))).containsExactly("******", "free");

        redactor.forget("launch-1");
        assertThat(redactor.redact("user/pass")).isEqualTo("user/pass");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register("launch", Map.of("a", "secret", "b", "secret-and-more"));
        assertThat(redactor.redact("x secret-and-more y")).isEqualTo("x ****** y");
    }
}
