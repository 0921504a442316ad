package dev.runtimeservice.agent.vfs.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.vfs.error.BadRequestException;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void doubleStarSlashMatchesAnyDepthIncludingNone() {
        Glob glob = Glob.compile("**/*.md");
        assertThat(glob.matches("a.md")).isTrue();
        assertThat(glob.matches("x/y/a.md")).isTrue();
        assertThat(glob.matches("a.txt")).isFalse();
        assertThat(glob.matches("a.md/x")).isFalse();
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertThat(Glob.compile("*.md").matches("a.md")).isTrue();
        assertThat(Glob.compile("*.md").matches("x/a.md")).isFalse();
        assertThat(Glob.compile("docs/?.txt").matches("docs/a.txt")).isTrue();
        assertThat(Glob.compile("docs/?.txt").matches("docs/ab.txt")).isFalse();
        assertThat(Glob.compile("docs/**").matches("docs/a/b/c")).isTrue();
    }

    @Test
    void bracesAndClassesChooseAmongAlternatives() {
        Glob glob = Glob.compile("**/*.{md,txt}");
        assertThat(glob.matches("a/b.txt")).isTrue();
        assertThat(glob.matches("b.md")).isTrue();
        assertThat(glob.matches("b.pdf")).isFalse();
        assertThat(Glob.compile("[ab].txt").matches("b.txt")).isTrue();
        assertThat(Glob.compile("[!ab].txt").matches("b.txt")).isFalse();
        assertThat(Glob.compile("[!ab].txt").matches("c.txt")).isTrue();
    }

    @Test
    void regexCharactersInTheGlobAreLiteral() {
        assertThat(Glob.compile("a+b(1).txt").matches("a+b(1).txt")).isTrue();
        assertThat(Glob.compile("a.txt").matches("abtxt")).isFalse();
    }

    @Test
    void malformedGlobsAreA400ThatSaysWhatToFix() {
        assertThatThrownBy(() -> Glob.compile("{a,b"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("close every");
        assertThatThrownBy(() -> Glob.compile("[ab")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Glob.compile("")).isInstanceOf(BadRequestException.class);
    }
}
