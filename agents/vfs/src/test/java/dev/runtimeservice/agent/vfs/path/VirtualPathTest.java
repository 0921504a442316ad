package dev.runtimeservice.agent.vfs.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.vfs.error.BadPathException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualPathTest {

    @Test
    void plainRelativePathsSplitIntoTheirNames() {
        assertThat(VirtualPath.parse("docs/2025/a report.md").names()).containsExactly("docs", "2025", "a report.md");
        assertThat(VirtualPath.parse("docs/").names()).containsExactly("docs");
        assertThat(VirtualPath.parse("...").names()).containsExactly("...");
        assertThat(VirtualPath.parse("caf\u00e9/\u65e5\u672c.txt").toString()).isEqualTo("caf\u00e9/\u65e5\u672c.txt");
    }

    @Test
    void anEmptyOrMissingPathIsTheRoot() {
        assertThat(VirtualPath.parse("").isRoot()).isTrue();
        assertThat(VirtualPath.parse(null)).isEqualTo(VirtualPath.ROOT);
        assertThat(VirtualPath.ROOT.toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ..                      | contains '..'
            a/../../b               | contains '..'
            ./a                     | contains '.'
            /etc/passwd             | is absolute
            C:/Windows              | Windows drive
            a\\..\\b                | backslash
            %2e%2e/a                | percent-encoded
            %252e%252e              | percent-encoded
            a//b                    | empty name
            .vfs-tmp-1              | vfs reserves
            \uFF0E\uFF0E/a          | read as '.', '..' or a separator
            a/\u2025                | read as '.', '..' or a separator
            a\uFF0Fb                | read as '.', '..' or a separator
            \uFFFD.txt              | not valid UTF-8
            """)
    void hostilePathsAreRefusedWithTheReason(String raw, String reason) {
        assertThatThrownBy(() -> VirtualPath.parse(raw))
                .isInstanceOf(BadPathException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a\nb", "a\rb", "\u007f", "a\u0085b"})
    void nulAndControlCharactersAreRefused(String raw) {
        assertThatThrownBy(() -> VirtualPath.parse(raw))
                .isInstanceOf(BadPathException.class)
                .hasMessageMatching("(?s).*(NUL byte|control character).*");
    }

    @Test
    void overlongNamesAndPathsAreRefusedWithTheLimit() {
        assertThat(VirtualPath.parse("a".repeat(255)).name()).hasSize(255);
        assertThatThrownBy(() -> VirtualPath.parse("a".repeat(256))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> VirtualPath.parse("\u00e9".repeat(128))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> VirtualPath.parse("ab/".repeat(400))).hasMessageContaining("1024 characters");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertThatThrownBy(() -> VirtualPath.parse("a\uD800b")).hasMessageContaining("lone surrogate");
        assertThat(VirtualPath.parse("\uD83D\uDE00.txt").name()).isEqualTo("\uD83D\uDE00.txt");
    }

    @Test
    void theMessageShowsControlCharactersEscaped() {
        assertThatThrownBy(() -> VirtualPath.parse("a\nb")).hasMessageContaining("a\\u000Ab");
    }

    @Test
    void parentChildAndStartsWithWorkOnNames() {
        VirtualPath path = VirtualPath.parse("a/b/c");
        assertThat(path.parent()).isEqualTo(VirtualPath.parse("a/b"));
        assertThat(path.name()).isEqualTo("c");
        assertThat(path.startsWith(VirtualPath.parse("a/b"))).isTrue();
        assertThat(VirtualPath.parse("a/bc").startsWith(VirtualPath.parse("a/b")))
                .isFalse();
        assertThat(VirtualPath.ROOT.parent().isRoot()).isTrue();
        assertThat(VirtualPath.ROOT.child("x").toString()).isEqualTo("x");
    }
}
