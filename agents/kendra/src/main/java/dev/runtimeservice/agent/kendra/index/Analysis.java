package dev.runtimeservice.agent.kendra.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** The analyzers of the text fields: Spanish and English stemming, stop words and accent folding. */
public final class Analysis {

    private Analysis() {}

    /**
     * Returns the analyzer that sends each text field to its language's chain.
     *
     * @return a wrapper that analyzes {@code *_es} as Spanish, {@code *_en} as English and
     *     {@code *_std} with folding only; other fields are kept whole
     */
    public static Analyzer perField() {
        Map<String, Analyzer> analyzers = new HashMap<>();
        Analyzer spanish = spanish();
        Analyzer english = english();
        Analyzer standard = standard();
        for (String base : DocumentFields.TEXT_FIELDS) {
            analyzers.put(DocumentFields.field(base, TextLanguage.SPANISH), spanish);
            analyzers.put(DocumentFields.field(base, TextLanguage.ENGLISH), english);
            analyzers.put(DocumentFields.field(base, TextLanguage.OTHER), standard);
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers);
    }

    /** Snowball runs before folding because its Spanish rules expect the accents. */
    static Analyzer spanish() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new StopFilter(result, SpanishAnalyzer.getDefaultStopSet());
                result = new SnowballFilter(result, new SpanishStemmer());
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(result));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(result));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer standard() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(result));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
