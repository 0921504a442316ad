package dev.runtimeservice.agent.vfs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry types' names in answers and in the published schema agree: the agent SDK lists an enum's values by
 * {@code toString}, and an MCP client checks vfs's answers against that schema.
 */
class EntryTypeTest {

    @Test
    void theSchemaListsTheNamesVfsAnswersWith() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(Arrays.stream(EntryType.values()).map(type -> json.writeValueAsString(type)))
                .containsExactly("\"file\"", "\"folder\"", "\"link\"", "\"other\"");
        for (EntryType type : EntryType.values()) {
            assertThat(json.writeValueAsString(type)).isEqualTo("\"" + type + "\"");
        }
    }
}
