package dev.runtimeservice.manager.agent;

import java.util.List;
import java.util.stream.Collectors;

/** Shows names a client sent in an error detail with invisible characters spelled out, so "vfs\u0000" is seen. */
public final class NameText {

    private NameText() {}

    public static String quoted(List<String> names) {
        return names.stream().map(NameText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    public static String quoted(String name) {
        StringBuilder text = new StringBuilder("'");
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append('\'').toString();
    }
}
