package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tool results: an answer as text plus structured content, or an error as a result with {@code isError}. */
final class ToolResults {

    private ToolResults() {}

    static CallToolResult of(String text, @Nullable Object structured) {
        CallToolResult.Builder result = CallToolResult.builder().isError(false);
        result.content(List.of(new TextContent(text.isBlank() && structured != null ? "done" : text)));
        if (structured != null) {
            result.structuredContent(structured);
        }
        return result.build();
    }

    /** An error the client's model can act on: the message says what went wrong and what to do. */
    static CallToolResult error(String message) {
        return CallToolResult.builder()
                .content(List.of(new TextContent(message)))
                .isError(true)
                .build();
    }
}
