package dev.runtimeservice.agent.kendra.crosslingual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.kendra.index.Analysis;
import dev.runtimeservice.agent.kendra.index.TextLanguage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped lexicon with the index's real analysis. */
class QueryTranslatorTest {

    static BilingualLexicon.Stems stems;
    static BilingualLexicon lexicon;
    static QueryTranslator translator;

    @BeforeAll
    static void readTheShippedLexicon() {
        stems = BilingualLexicon.Stems.of(Analysis.perField());
        lexicon = BilingualLexicon.shipped(stems);
        translator = new QueryTranslator(() -> lexicon, stems, 2);
    }

    @Test
    void theShippedLexiconHasTensOfThousandsOfEntriesInEachDirection() {
        assertThat(lexicon.size()).isGreaterThan(30_000);
    }

    @Test
    void anInflectedWordIsFoundThroughItsStem() {
        assertThat(lexicon.translations(
                        stems.of("semanas", TextLanguage.SPANISH).get(0), TextLanguage.SPANISH))
                .contains("week");
        assertThat(lexicon.translations(
                        stems.of("fathers", TextLanguage.ENGLISH).get(0), TextLanguage.ENGLISH))
                .contains("padre");
    }

    @Test
    void aSpanishQueryGetsEnglishWordsAndNoSpanishOnes() {
        QueryTranslator.Translation translation = translator.translate("se ha roto la tubería de la cocina", null);

        assertThat(translation.english()).contains("pipe").contains("kitchen");
        assertThat(translation.spanish()).isEmpty();
    }

    @Test
    void twoWordsThatTranslateTogetherAreTranslatedAsOne() {
        QueryTranslator.Translation translation = translator.translate("the washing machine", null);

        assertThat(translation.spanish()).contains("lavadora");
    }

    @Test
    void aQueryWhoseLanguageIsUnclearIsReadBothWays() {
        QueryTranslator.Translation translation = translator.translate("tubería leak", null);

        assertThat(translation.english()).contains("pipe");
        assertThat(translation.spanish()).contains("filtración");
    }

    @Test
    void keywordSyntaxOrASearchLimitedToOneLanguageIsNotTranslated() {
        assertThat(translator.translate("\"tubería rota\"", null).isEmpty()).isTrue();
        assertThat(translator.translate("tubería -cocina", null).isEmpty()).isTrue();
        assertThat(translator.translate("tubería", "es").isEmpty()).isTrue();
    }

    @Test
    void wordsTheLexiconDoesNotKnowAddNothing() {
        assertThat(translator.translate("xqzw vbnm", null).isEmpty()).isTrue();
    }
}
