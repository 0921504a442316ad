/**
 * Routing: language detection, bilingual lexical matching and in-process embeddings over skills.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator.routing;

import org.jspecify.annotations.NullMarked;
