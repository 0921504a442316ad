package dev.runtimeservice.agent.vfs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The entry types' names in answers ({@code @JsonValue json()}) and in the published schema agree: the agent SDK
 * lists an enum's values by {@code toString}, and an MCP client checks vfs's answers against that schema.
 */
class EntryTypeTest {

    @Test
    void theSchemaListsTheNamesVfsAnswersWith() {
        assertThat(Arrays.stream(EntryType.values()).map(EntryType::toString))
                .containsExactly("file", "folder", "link", "other");
        assertThat(Arrays.stream(EntryType.values()).map(EntryType::json))
                .containsExactly("file", "folder", "link", "other");
    }
}
