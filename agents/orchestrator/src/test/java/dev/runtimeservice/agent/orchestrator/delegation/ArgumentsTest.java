package dev.runtimeservice.agent.orchestrator.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void findsPathsQuotedTextAndTheTextAfterAColon() {
        Arguments arguments = new Arguments("Save \"meeting at 10\" into notes/monday.txt");
        assertThat(arguments.paths()).containsExactly("notes/monday.txt");
        assertThat(arguments.quoted()).contains("meeting at 10");
        assertThat(new Arguments("Resume este texto: la reunión fue larga").payload())
                .contains("la reunión fue larga");
        assertThat(new Arguments("Rename draft.md to docs/final.md").paths())
                .containsExactly("draft.md", "docs/final.md");
    }

    @Test
    void findsTheTopicTheTargetLanguageAGlobAndADocumentId() {
        assertThat(new Arguments("Busca información sobre inteligencia artificial").topic())
                .isEqualTo("inteligencia artificial");
        assertThat(new Arguments("Find documents about renewable energy?").topic())
                .isEqualTo("renewable energy");
        assertThat(new Arguments("Traduce esto al inglés: hola").targetLanguage())
                .contains("English");
        assertThat(new Arguments("Translate this into German: hello").targetLanguage())
                .contains("German");
        assertThat(new Arguments("Find every .csv file under data").glob()).contains("**/*.csv");
        assertThat(new Arguments("Fetch the indexed document with id policy-7").documentId())
                .contains("policy-7");
        assertThat(new Arguments("Get document doc-1").documentId()).contains("doc-1");
        assertThat(new Arguments("How many documents are there?").documentId()).isEmpty();
        assertThat(new Arguments("List the files").paths()).isEmpty();
    }
}
