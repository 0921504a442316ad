package dev.runtimeservice.agent.kendra.index;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Immutable configuration of the kendra index, bound from the {@code kendra.*} properties.
 *
 * @param indexDir where the Lucene index lives; {@code null} means {@code <agent home>/data/index}
 * @param ingestChunkSize how many documents of a batch are embedded and added together
 * @param rankWindow how many candidates each ranking contributes to hybrid fusion, at least
 * @param rrfK the constant of reciprocal rank fusion (60 in the original paper)
 * @param maxEmbeddedChars how many characters of a document's title and text the embedding sees
 * @param translationWeight how much a word translated by the Spanish-English lexicon counts in a keyword
 *     query next to a word the user typed; 0 turns cross-language search off
 * @param translationsPerWord how many translations of each query word are searched, the usual ones first
 */
@Validated
@ConfigurationProperties("kendra")
public record KendraProperties(
        @Nullable Path indexDir,
        @DefaultValue("32") @Min(1) @Max(1024) int ingestChunkSize,
        @DefaultValue("100") @Min(10) @Max(1000) int rankWindow,
        @DefaultValue("60") @Min(1) @Max(1000) int rrfK,
        @DefaultValue("2000") @Min(100) @Max(100000) int maxEmbeddedChars,

        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
        float translationWeight,

        @DefaultValue("3") @Min(1) @Max(10) int translationsPerWord) {

    /**
     * Returns the index folder for an agent home.
     *
     * @param home the agent's home folder
     * @return {@link #indexDir()} when set, else {@code <home>/data/index}
     */
    public Path indexDirUnder(Path home) {
        return indexDir != null
                ? indexDir.toAbsolutePath().normalize()
                : home.resolve("data").resolve("index");
    }
}
