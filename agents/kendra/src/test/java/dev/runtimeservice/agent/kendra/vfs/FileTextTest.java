package dev.runtimeservice.agent.kendra.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTextTest {

    @Test
    void aMarkdownFileIsTitledByItsFirstHeading() {
        String text = "Intro line\n\n## Guía del alquiler ##\n\n# Later heading\n";
        assertThat(FileText.title("docs/guía.md", text)).isEqualTo("Guía del alquiler");
    }

    @Test
    void anHtmlFileIsTitledByItsTitleElement() {
        assertThat(FileText.title("site/index.html", "<html><head><TITLE>Quarterly report</TITLE></head></html>"))
                .isEqualTo("Quarterly report");
    }

    @Test
    void otherFilesAndFilesWithoutAHeadingAreTitledByTheirName() {
        assertThat(FileText.title("scripts/run.py", "# not a heading: a Python comment\nprint(1)"))
                .isEqualTo("run.py");
        assertThat(FileText.title("notes.md", "no heading here")).isEqualTo("notes.md");
        assertThat(FileText.title("top.txt", "x")).isEqualTo("top.txt");
    }

    @Test
    void utf8TextIsDecodedWithoutItsByteOrderMark() {
        byte[] bytes = "\uFEFFCanción de cuna".getBytes(StandardCharsets.UTF_8);
        assertThat(FileText.decode(bytes)).isEqualTo("Canción de cuna");
    }

    @Test
    void aFileWithANulByteNearItsStartIsSkippedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
        assertThatThrownBy(() -> FileText.decode(png))
                .isInstanceOf(SkippedFileException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void aFileThatIsNotUtf8IsSkippedWithWhatToDo() {
        byte[] latin1 = "Canción".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FileText.decode(latin1))
                .isInstanceOf(SkippedFileException.class)
                .hasMessage("not UTF-8 text; save it as UTF-8 to index it");
    }
}
