/**
 * Keyword, semantic and hybrid search over the index.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.search;

import org.jspecify.annotations.NullMarked;
