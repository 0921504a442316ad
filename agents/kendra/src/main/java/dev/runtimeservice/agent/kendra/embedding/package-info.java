/**
 * The in-process sentence embedding model used for semantic ranking.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.embedding;

import org.jspecify.annotations.NullMarked;
