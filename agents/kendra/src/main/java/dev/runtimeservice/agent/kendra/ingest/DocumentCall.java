package dev.runtimeservice.agent.kendra.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Input of the {@code documents} skill: read a document, delete it, or count them all.
 *
 * @param id the document's id; none counts the documents
 * @param delete whether to delete it instead of reading it
 */
public record DocumentCall(@Nullable String id, @Nullable Boolean delete) {}
