package dev.runtimeservice.manager.mcp;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tool call's arguments, read with the types the tool's schema promises, or a message that says what is wrong. */
final class ToolArguments {

    private ToolArguments() {}

    static Map<String, Object> of(@Nullable Map<String, Object> arguments) {
        return arguments == null ? Map.of() : arguments;
    }
}
