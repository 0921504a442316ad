/**
 * Adding, replacing, reading and deleting documents over HTTP.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.ingest;

import org.jspecify.annotations.NullMarked;
