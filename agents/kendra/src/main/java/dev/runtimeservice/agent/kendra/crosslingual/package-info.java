/**
 * Cross-language search without a network: a Spanish-English lexicon that ships in the jar translates a
 * query's words, so a Spanish query finds English documents and the other way round.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.crosslingual;

import org.jspecify.annotations.NullMarked;
