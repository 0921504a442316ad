package dev.runtimeservice.agent.orchestrator.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A skill's input from an instruction, by its schema's property names only (schemas as agents publish them). */
class InputBuilderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode skill(String id, String schema) {
        return JSON.readTree("{\"id\": \"" + id + "\", \"input_schema\": " + schema + "}");
    }

    @Test
    void fillsPathsTextQueriesAndLanguagesByName() {
        JsonNode write = skill("any.write", """
                {"type": "object", "properties": {"path": {"type": "string"}, "text": {"type": "string"},
                 "parents": {"type": "boolean"}, "if_match": {"type": "string"}}, "required": ["path", "text"]}""");
        JsonNode translate = skill("translate", """
                {"type": "object", "properties": {"text": {"type": "string"}, "target_language": {"type": "string"},
                 "max_tokens": {"type": "integer"}}, "required": ["text", "target_language"]}""");
        JsonNode search = skill("search", """
                {"type": "object", "properties": {"query": {"type": "string"}, "top_k": {"type": "integer"}}}""");

        assertThat(InputBuilder.build(write, step("Save \"call the bank\" into notes/todo.txt", null))
                        .data())
                .isEqualTo(Map.of("path", "notes/todo.txt", "text", "call the bank", "parents", true));
        assertThat(InputBuilder.build(translate, step("translate it into Spanish", "Good morning"))
                        .data())
                .isEqualTo(Map.of("text", "Good morning", "target_language", "Spanish"));
        assertThat(InputBuilder.build(search, step("Busca información sobre energía solar", null))
                        .data())
                .isEqualTo(Map.of("query", "energía solar"));
    }

    @Test
    void aListOfRecordsGetsOneMadeFromThePreviousOutputWithAnIdOfItsOwn() {
        JsonNode ingest = skill("ingest", """
                {"type": "object", "properties": {"documents": {"type": "array", "items": {"type": "object",
                 "properties": {"id": {"type": "string"}, "text": {"type": "string"}}, "required": ["id", "text"]}}},
                 "required": ["documents"]}""");

        Object data = InputBuilder.build(ingest, step("add it to the index", "The plan"))
                .data();

        assertThat(data)
                .isEqualTo(Map.of(
                        "documents",
                        List.of(Map.of(
                                "id",
                                "orchestrator-" + Integer.toHexString("The plan".hashCode()),
                                "text",
                                "The plan"))));
    }

    @Test
    void aRequiredPropertyTheInstructionDoesNotGiveIsAClearError() {
        JsonNode read = skill("read", """
                {"type": "object", "properties": {"path": {"type": "string", "description": "a file path"}},
                 "required": ["path"]}""");

        assertThatThrownBy(() -> InputBuilder.build(read, step("read my notes", null)))
                .isInstanceOf(DelegationException.class)
                .hasMessage("The instruction does not say 'path' (a file path), which skill read needs; add it to the "
                        + "instruction and send it again.");
    }

    @Test
    void withoutASchemaTheSkillGetsTheInstructionAndThePreviousOutputAsText() {
        SkillInput input = InputBuilder.build(null, step("summarise it", "Long text"));

        assertThat(input.data()).isNull();
        assertThat(input.text()).isEqualTo("summarise it\n\nLong text");
    }

    static InputBuilder.StepText step(String instruction, String previous) {
        return new InputBuilder.StepText(instruction, "### Task\n" + instruction, previous);
    }
}
