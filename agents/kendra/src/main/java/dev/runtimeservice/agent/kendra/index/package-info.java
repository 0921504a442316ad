/**
 * The Lucene index on disk: documents, fields, analysis and durable writes.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.index;

import org.jspecify.annotations.NullMarked;
