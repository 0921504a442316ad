package dev.runtimeservice.agent.gpt4.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.gpt4.TestModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataTests {

    @Test
    void theStoryModelShipsNoChatTemplate() throws IOException {
        assertThat(GgufMetadata.hasChatTemplate(TestModel.path())).isFalse();
    }

    @Test
    void aModelWhoseHeaderHoldsAChatTemplateIsSeenAfterTheKeysBeforeIt(@TempDir Path dir) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        header.put("GGUF".getBytes(StandardCharsets.US_ASCII))
                .putInt(3)
                .putLong(0)
                .putLong(3);
        key(header, "general.name").putInt(8);
        text(header, "tiny");
        key(header, "tokenizer.ggml.scores")
                .putInt(9)
                .putInt(6)
                .putLong(2)
                .putFloat(0.5f)
                .putFloat(1.5f);
        key(header, "tokenizer.chat_template").putInt(8);
        text(header, "{{ messages }}");
        Path file = dir.resolve("chat.gguf");
        Files.write(file, Arrays.copyOf(header.array(), header.position()));

        assertThat(GgufMetadata.hasChatTemplate(file)).isTrue();
    }

    private static ByteBuffer key(ByteBuffer buffer, String key) {
        return text(buffer, key);
    }

    private static ByteBuffer text(ByteBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return buffer.putLong(bytes.length).put(bytes);
    }

    @Test
    void aFileThatIsNotGgufIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("model.gguf"), "not a model at all");

        assertThatThrownBy(() -> GgufMetadata.hasChatTemplate(file))
                .isInstanceOf(IOException.class)
                .hasMessage("not a GGUF file");
    }
}
