package dev.runtimeservice.agent.sdk.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotBlank;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON schema of a skill's input or output is the JSON its type reads and writes. */
class JsonSchemasTests {

    record Stat(@NotBlank String path, long size) {}

    record Written(@JsonUnwrapped Stat entry, boolean created) {}

    record Upload(
            @NotBlank String path,
            @JsonProperty("if_match") String ifMatch,
            @JsonIgnore InputStream body,
            JsonNode extra) {}

    @Test
    void aJsonIgnoredComponentIsLeftOutAndAJsonNodeTakesAnyValue() {
        Map<String, Object> schema = JsonSchemas.of(Upload.class);

        assertThat((Map<String, Object>) schema.get("properties")).containsOnlyKeys("path", "if_match", "extra");
        assertThat(((Map<?, ?>) schema.get("properties")).get("extra")).isEqualTo(Map.of());
        assertThat(schema.get("required")).isEqualTo(List.of("path"));
    }

    record Search(Map<String, Object> filters) {}

    @Test
    void aMapOfObjectsTakesAnyValuePerKey() {
        Map<String, Object> schema = JsonSchemas.of(Search.class);

        assertThat(((Map<?, ?>) schema.get("properties")).get("filters"))
                .isEqualTo(Map.of("type", "object", "additionalProperties", Map.of()));
    }

    @Test
    void anUnwrappedRecordsFieldsStandAtTheTopLevelAsInTheJson() {
        Map<String, Object> schema = JsonSchemas.of(Written.class);

        assertThat((Map<String, Object>) schema.get("properties")).containsOnlyKeys("path", "size", "created");
        assertThat(schema.get("required")).isEqualTo(List.of("path", "size", "created"));
    }
}
