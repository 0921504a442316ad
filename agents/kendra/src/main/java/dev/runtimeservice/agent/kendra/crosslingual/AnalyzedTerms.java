package dev.runtimeservice.agent.kendra.crosslingual;

import dev.runtimeservice.agent.kendra.index.DocumentFields;
import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The terms the index's analysis makes of a text, as it would index them in one language's text field. */
final class AnalyzedTerms {

    private AnalyzedTerms() {}

    static List<String> of(Analyzer analyzer, String text, TextLanguage language) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(DocumentFields.field("text", language), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse text in memory", e);
        }
        return terms;
    }
}
